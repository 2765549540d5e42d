package votes.infra.tls;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import votes.events.key.Pem;
import votes.infra.secret.StackSecrets;
import votes.infra.stack.StackSettings;

/**
 * The gateway's HTTPS identity in a stack home: {@code tls/ca.pem} (the local CA, public: what clients trust),
 * {@code tls/server.pem} (the certificate for localhost and 127.0.0.1) and its private key, a 0600 file of the
 * stack's secrets. Issued once by {@link LocalCa} and kept across {@code ./vote down}/{@code up}, so a client given
 * the CA once keeps working; issued again only when a file is missing, the pair no longer verifies, or the
 * certificate nears its end.
 */
public final class ServerCertificate {

    /** 397 days: the longest life browsers accept for a server certificate; renewal is automatic anyway. */
    static final Duration VALIDITY = Duration.ofDays(397);
    /** Re-issued this long before it expires, so a stack left running for weeks never serves an expired one. */
    static final Duration RENEW_BEFORE = Duration.ofDays(30);
    /** The names the gateway is reached by locally; it binds 127.0.0.1 only, so no ::1. */
    static final String SUBJECT_ALTERNATIVE_NAMES = "SAN=dns:localhost,ip:127.0.0.1";
    /** digitalSignature alone: TLS 1.3 signs the handshake with the key and never encrypts with it. */
    static final List<String> SERVER_EXTENSIONS = List.of(SUBJECT_ALTERNATIVE_NAMES, "KU:c=digitalSignature",
            "EKU=serverAuth", "BC:c=ca:false");
    static final String KEY_SECRET = "tls-server-key.pem";
    private static final String SERVER_ALIAS = "server";
    private static final String SERVER_KEYSTORE = "server.p12";
    private static final String REQUEST = "server.csr";
    private static final int PASSWORD_BYTES = 24;

    private final Path caFile;
    private final Path certFile;
    private final StackSecrets secrets;
    private final Clock clock;

    ServerCertificate(Path tlsDir, StackSecrets secrets, Clock clock) {
        this.caFile = tlsDir.resolve("ca.pem");
        this.certFile = tlsDir.resolve("server.pem");
        this.secrets = secrets;
        this.clock = clock;
    }

    public static ServerCertificate of(StackSettings settings) {
        return new ServerCertificate(settings.tlsDir(), StackSecrets.in(settings.secretsDir()), Clock.systemUTC());
    }

    public Path caFile() {
        return caFile;
    }

    public Path certFile() {
        return certFile;
    }

    public Path keyFile() {
        return secrets.file(KEY_SECRET);
    }

    /** @return a line saying whether the files were kept or issued now (and why) */
    public String ensure() {
        String reason = reasonToIssue();
        if (reason.isEmpty()) {
            return "kept " + certFile + " (until " + certificate().getNotAfter().toInstant() + ")";
        }
        issue();
        return "new local CA and certificate for localhost, 127.0.0.1 in " + certFile.getParent() + " (" + reason + ")";
    }

    public X509Certificate certificate() {
        return read(certFile);
    }

    public X509Certificate ca() {
        return read(caFile);
    }

    /** For a Java client of the gateway's HTTPS port (tests, tools): TLS that trusts this stack's CA and no other. */
    public SSLContext clientContext() {
        try {
            KeyStore anchors = KeyStore.getInstance(KeyStore.getDefaultType());
            anchors.load(null, null);
            anchors.setCertificateEntry("votes-local-ca", ca());
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(anchors);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot trust " + caFile, e);
        }
    }

    /** Empty when the files are usable as they are. */
    String reasonToIssue() {
        if (!Files.isRegularFile(caFile) || !Files.isRegularFile(certFile) || !Files.isRegularFile(keyFile())) {
            return "none yet";
        }
        try {
            X509Certificate server = certificate();
            server.verify(ca().getPublicKey());
            if (server.getNotAfter().toInstant().isBefore(Instant.now(clock).plus(RENEW_BEFORE))) {
                return "the old one expires " + server.getNotAfter().toInstant();
            }
            return "";
        } catch (GeneralSecurityException | RuntimeException e) {
            return "the old one is unusable: " + e.getMessage();
        }
    }

    private void issue() {
        Path workDir = workDir();
        try {
            Keytool keytool = new Keytool(workDir, randomPassword());
            LocalCa ca = LocalCa.create(keytool, "votes local CA " + Instant.now(clock).getEpochSecond(), VALIDITY);
            keytool.run("-genkeypair", "-alias", SERVER_ALIAS, "-keyalg", LocalCa.KEY_ALGORITHM,
                    "-groupname", LocalCa.CURVE, "-dname", "CN=localhost, O=votes local stack",
                    "-keystore", SERVER_KEYSTORE, "-storetype", "PKCS12");
            keytool.run("-certreq", "-alias", SERVER_ALIAS, "-keystore", SERVER_KEYSTORE, "-file", REQUEST);
            String server = ca.issue(REQUEST, VALIDITY, SERVER_EXTENSIONS);
            secrets.writePrivate(KEY_SECRET, Pem.encode("PRIVATE KEY", privateKey(keytool)));
            Files.writeString(certFile, server);
            Files.writeString(caFile, ca.certificatePem());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the TLS files in " + certFile.getParent(), e);
        } finally {
            deleteTree(workDir);
        }
    }

    /** PKCS#8, the form a PEM "PRIVATE KEY" holds and the gateway's Vert.x reads. */
    private static byte[] privateKey(Keytool keytool) throws IOException {
        try (InputStream in = Files.newInputStream(keytool.workDir().resolve(SERVER_KEYSTORE))) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            char[] password = keytool.storePassword().toCharArray();
            store.load(in, password);
            return store.getKey(SERVER_ALIAS, password).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("keytool's keystore unreadable", e);
        }
    }

    /** Owner-only, next to the files it produces: the CA's key never leaves it and it is deleted after issuing. */
    private Path workDir() {
        try {
            Files.createDirectories(certFile.getParent());
            return Files.createTempDirectory(certFile.getParent(), "issuing-",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir + ", which holds a CA key: delete it by hand", e);
        }
    }

    private static String randomPassword() {
        byte[] bytes = new byte[PASSWORD_BYTES];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static X509Certificate read(Path pem) {
        try (InputStream in = Files.newInputStream(pem)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + pem + " (./vote up issues it)", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("not a certificate: " + pem, e);
        }
    }
}
