package votes.images.base;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.Security;
import java.security.cert.CertificateFactory;
import java.util.List;
import java.util.stream.Stream;

/**
 * The JRE's {@code cacerts}, made from the {@code ca-certificates} package's PEM files. On a Debian system the
 * {@code ca-certificates-java} hook builds it at install time by running Java; an unpacked package runs no hook, so
 * without this the JRE's {@code lib/security/cacerts} symlink would point at nothing and every TLS client in the
 * image would trust no one.
 */
final class Truststore {

    /** The JRE's well-known default: a truststore holds public certificates only, the password guards nothing. */
    private static final char[] JRE_DEFAULT_PASSWORD = "changeit".toCharArray();
    static final String PATH = "etc/ssl/certs/java/cacerts";
    private static final String PEMS = "usr/share/ca-certificates";

    private Truststore() {
    }

    /** Writes {@code rootfs/etc/ssl/certs/java/cacerts}; returns how many certificates it trusts. */
    static int write(Path rootfs) {
        // Certificates in the clear and no MAC: nothing in it is secret, and without the random salts the file (so
        // the base layer) is the same bytes for the same packages on every machine. The JDK reads such a store.
        Security.setProperty("keystore.pkcs12.certProtectionAlgorithm", "NONE");
        Security.setProperty("keystore.pkcs12.macAlgorithm", "NONE");
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            CertificateFactory x509 = CertificateFactory.getInstance("X.509");
            for (Path pem : pems(rootfs.resolve(PEMS))) {
                try (InputStream in = Files.newInputStream(pem)) {
                    String alias = pem.getFileName().toString().replaceFirst("\\.crt$", "").toLowerCase();
                    store.setCertificateEntry(alias, x509.generateCertificate(in));
                }
            }
            Path cacerts = rootfs.resolve(PATH);
            Files.createDirectories(cacerts.getParent());
            try (OutputStream out = Files.newOutputStream(cacerts)) {
                store.store(out, JRE_DEFAULT_PASSWORD);
            }
            return store.size();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot build the JRE's truststore", e);
        }
    }

    private static List<Path> pems(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(f -> f.toString().endsWith(".crt")).sorted().toList();
        }
    }
}
