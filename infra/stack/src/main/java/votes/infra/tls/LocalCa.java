package votes.infra.tls;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A certificate authority that exists only while it issues the stack's server certificate: its key is made in a
 * throwaway keystore and deleted with it. A developer who trusts the stack's {@code ca.pem} (curl --cacert, a
 * browser) so trusts this one certificate only: nobody who later reads {@code .vote/} can mint another one for a
 * bank's name. The price: a new server certificate means a new CA, which clients must be given again.
 */
final class LocalCa {

    /** P-256: TLS 1.3's mandatory curve; keys are made in milliseconds where RSA-3072 takes seconds. */
    static final String KEY_ALGORITHM = "EC";
    static final String CURVE = "secp256r1";
    private static final String ALIAS = "ca";
    private static final String KEYSTORE = "ca.p12";
    private static final String CERTIFICATE = "ca.pem";

    private final Keytool keytool;
    private final String certificatePem;

    private LocalCa(Keytool keytool, String certificatePem) {
        this.keytool = keytool;
        this.certificatePem = certificatePem;
    }

    /** A new CA (key pair and self-signed certificate) in the keytool's work dir, which the caller deletes. */
    static LocalCa create(Keytool keytool, String commonName, Duration validity) {
        keytool.run("-genkeypair", "-alias", ALIAS, "-keyalg", KEY_ALGORITHM, "-groupname", CURVE,
                "-dname", "CN=" + commonName + ", O=votes local stack", "-validity", days(validity),
                "-ext", "BC:c=ca:true,pathlen:0", "-ext", "KU:c=keyCertSign,cRLSign",
                "-keystore", KEYSTORE, "-storetype", "PKCS12");
        keytool.run("-exportcert", "-alias", ALIAS, "-keystore", KEYSTORE, "-rfc", "-file", CERTIFICATE);
        return new LocalCa(keytool, read(CERTIFICATE, keytool));
    }

    String certificatePem() {
        return certificatePem;
    }

    /**
     * Signs a PKCS#10 request (a file in the work dir) with keytool's -ext syntax for the extensions, e.g.
     * {@code SAN=dns:localhost}; nothing of the request's own extensions is copied.
     *
     * @return the issued certificate, PEM
     */
    String issue(String requestFile, Duration validity, List<String> extensions) {
        String issued = requestFile + ".crt";
        List<String> args = new ArrayList<>(List.of("-alias", ALIAS, "-keystore", KEYSTORE, "-infile", requestFile,
                "-outfile", issued, "-rfc", "-validity", days(validity)));
        extensions.forEach(extension -> args.addAll(List.of("-ext", extension)));
        keytool.run("-gencert", args.toArray(String[]::new));
        return read(issued, keytool);
    }

    private static String days(Duration validity) {
        return Long.toString(validity.toDays());
    }

    private static String read(String file, Keytool keytool) {
        try {
            return Files.readString(keytool.workDir().resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
