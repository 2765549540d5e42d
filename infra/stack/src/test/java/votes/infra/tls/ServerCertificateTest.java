package votes.infra.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import votes.events.key.Pem;
import votes.infra.secret.StackSecrets;

/** The local CA and the gateway's certificate as keytool issues them (one issue for the class: keytool is slow). */
class ServerCertificateTest {

    private static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";
    private static final int DNS_NAME = 2;
    private static final int IP_ADDRESS = 7;

    @TempDir
    static Path home;
    static ServerCertificate tls;
    static String firstIssue;

    @BeforeAll
    static void issue() {
        tls = certificateIn(home, Clock.systemUTC());
        firstIssue = tls.ensure();
    }

    private static ServerCertificate certificateIn(Path home, Clock clock) {
        return new ServerCertificate(home.resolve("tls"), StackSecrets.in(home.resolve("secrets")), clock);
    }

    @Test
    void theCertificateNamesLocalhostAndTheLoopbackAddressAndNothingElse() throws Exception {
        X509Certificate server = tls.certificate();

        assertThat(server.getSubjectAlternativeNames()).containsExactlyInAnyOrder(
                List.of(DNS_NAME, "localhost"), List.of(IP_ADDRESS, "127.0.0.1"));
        assertThat(firstIssue).startsWith("new local CA and certificate");
    }

    @Test
    void theServerCertificateMaySignHandshakesForServersOnlyAndIsNoCa() throws Exception {
        X509Certificate server = tls.certificate();

        boolean[] usage = server.getKeyUsage();
        assertThat(usage[0]).as("digitalSignature").isTrue();
        assertThat(usage[5]).as("keyCertSign").isFalse();
        assertThat(server.getCriticalExtensionOIDs()).contains("2.5.29.15");
        assertThat(server.getExtendedKeyUsage()).containsExactly(SERVER_AUTH);
        assertThat(server.getBasicConstraints()).isEqualTo(-1);
        assertThat(server.getPublicKey().getAlgorithm()).isEqualTo("EC");
    }

    @Test
    void theCaMaySignOnlyCertificatesOfServersBelowIt() {
        X509Certificate ca = tls.ca();

        assertThat(ca.getBasicConstraints()).isEqualTo(0);
        assertThat(ca.getKeyUsage()[5]).as("keyCertSign").isTrue();
        assertThat(ca.getSubjectX500Principal()).isEqualTo(tls.certificate().getIssuerX500Principal());
    }

    @Test
    void theCertificateIsValidNowForAboutAYear() throws Exception {
        X509Certificate server = tls.certificate();

        server.checkValidity();
        Duration life = Duration.between(server.getNotBefore().toInstant(), server.getNotAfter().toInstant());
        assertThat(life).isEqualTo(ServerCertificate.VALIDITY);
        assertThat(server.getNotBefore().toInstant()).isBefore(Instant.now().plusSeconds(1));
    }

    @Test
    void theChainVerifiesWithTheCaAsTheOnlyTrustAnchor() throws Exception {
        PKIXParameters trust = new PKIXParameters(Set.of(new TrustAnchor(tls.ca(), null)));
        trust.setRevocationEnabled(false);
        var path = CertificateFactory.getInstance("X.509").generateCertPath(List.of(tls.certificate()));

        assertThat(CertPathValidator.getInstance("PKIX").validate(path, trust)).isNotNull();
    }

    @Test
    void thePrivateKeyIsTheCertificatesAndOnlyItsOwnerCanReadIt() throws Exception {
        PrivateKey key = KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(Pem.read(tls.keyFile())));
        byte[] hello = "handshake".getBytes();
        Signature signer = Signature.getInstance("SHA256withECDSA");
        signer.initSign(key);
        signer.update(hello);
        Signature verifier = Signature.getInstance("SHA256withECDSA");
        verifier.initVerify(tls.certificate());
        verifier.update(hello);

        assertThat(verifier.verify(signer.sign())).isTrue();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tls.keyFile()))).isEqualTo("rw-------");
    }

    @Test
    void theCasKeyIsNotKeptAnywhereSoItCanIssueNothingElse() throws Exception {
        try (Stream<Path> files = Files.walk(home)) {
            assertThat(files.filter(Files::isRegularFile).map(home::relativize).map(Path::toString))
                    .containsExactlyInAnyOrder("tls/ca.pem", "tls/server.pem", "secrets/" + ServerCertificate.KEY_SECRET);
        }
    }

    @Test
    void aSecondStartKeepsTheCertificateClientsWereGiven() throws Exception {
        String before = Files.readString(tls.caFile());

        assertThat(tls.ensure()).startsWith("kept ");
        assertThat(Files.readString(tls.caFile())).isEqualTo(before);
    }

    @Test
    void aCertificateNearItsEndOrNotSignedByTheCaIsIssuedAgain() throws Exception {
        Instant nearTheEnd = tls.certificate().getNotAfter().toInstant().minus(ServerCertificate.RENEW_BEFORE).plusSeconds(60);
        assertThat(certificateIn(home, Clock.fixed(nearTheEnd, ZoneOffset.UTC)).reasonToIssue()).startsWith("the old one expires");

        Path other = Files.createTempDirectory("other-ca");
        Files.createDirectories(other.resolve("tls"));
        Files.copy(tls.certFile(), other.resolve("tls/server.pem"));
        Files.writeString(other.resolve("tls/ca.pem"), Pem.encode("CERTIFICATE", aCertificateThatDidNotSignTheServers()));
        StackSecrets.in(other.resolve("secrets")).writePrivate(ServerCertificate.KEY_SECRET, Files.readString(tls.keyFile()));
        assertThat(certificateIn(other, Clock.systemUTC()).reasonToIssue()).startsWith("the old one is unusable");
        assertThat(certificateIn(Files.createTempDirectory("empty"), Clock.systemUTC()).reasonToIssue()).isEqualTo("none yet");
    }

    /** The server's own certificate: its key signed nothing, so as a "CA" it verifies nothing. */
    private static byte[] aCertificateThatDidNotSignTheServers() throws Exception {
        return tls.certificate().getEncoded();
    }
}
