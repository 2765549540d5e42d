package votes.infra.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenMinterTest {

    @TempDir
    static Path keysDir;
    static DevKeys keys;

    @BeforeAll
    static void keys() {
        keys = DevKeys.in(keysDir);
        assertThat(keys.ensure()).isTrue();
    }

    private static final String ISSUER = "https://votes.local/dev";

    private JwtConsumer verifier(String issuer) {
        return new JwtConsumerBuilder().setVerificationKey(keys.publicKey()).setExpectedIssuer(issuer)
                .setExpectedAudience("votes").setRequireExpirationTime().setRequireIssuedAt().setRequireSubject().build();
    }

    private static TokenMinter minter(String issuer) {
        return new TokenMinter(keys.privateKey(), new TokenPolicy(issuer, "votes", Duration.ofHours(1)));
    }

    @Test
    void tokenVerifiesWithThePublicPemAndCarriesTheClaims() throws Exception {
        String token = minter(ISSUER).mint("alice", List.of("voter", "admin"), Duration.ofHours(1));

        JwtClaims claims = verifier(ISSUER).processToClaims(token);

        assertThat(claims.getSubject()).isEqualTo("alice");
        assertThat(claims.getClaimValueAsString("upn")).isEqualTo("alice");
        assertThat(claims.getStringListClaimValue("groups")).containsExactly("voter", "admin");
        assertThat(claims.getAudience()).containsExactly("votes");
        long lifetime = claims.getExpirationTime().getValue() - claims.getIssuedAt().getValue();
        assertThat(lifetime).isEqualTo(3600);
        assertThat(token.split("\\.")[0]).isEqualTo("eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9"); // {"alg":"RS256","typ":"JWT"}
    }

    @Test
    void tokenFromAnotherIssuerIsRefused() {
        String token = minter("https://elsewhere").mint("bob", List.of("voter"), Duration.ofMinutes(1));
        assertThatThrownBy(() -> verifier(ISSUER).processToClaims(token))
                .isInstanceOf(InvalidJwtException.class);
    }

    @Test
    void keysAreKeptOnceWritten() {
        assertThat(keys.ensure()).isFalse();
    }

    @Test
    void manyTokensComeInOrderOnePerSubject() throws Exception {
        List<String> tokens = minter("i").mintMany("p-", 50, List.of("voter"), Duration.ofHours(1));
        assertThat(tokens).hasSize(50).doesNotHaveDuplicates();
        assertThat(verifier("i").processToClaims(tokens.get(42)).getSubject()).isEqualTo("p-42");
    }

    @Test
    void aTokenIssuedInThePastCarriesThatIatAndLivesItsLifetimeFromThere() throws Exception {
        Instant tenMinutesAgo = Instant.now().minus(Duration.ofMinutes(10)).truncatedTo(ChronoUnit.SECONDS);
        JwtClaims claims = verifier(ISSUER).processToClaims(
                minter(ISSUER).mint("dave", List.of("voter"), Duration.ofHours(1), tenMinutesAgo));
        assertThat(claims.getIssuedAt().getValue()).isEqualTo(tenMinutesAgo.getEpochSecond());
        assertThat(claims.getExpirationTime().getValue()).isEqualTo(tenMinutesAgo.getEpochSecond() + 3600);
    }

    @Test
    void withoutALifetimeATokenLivesExactlyAsLongAsTheCapAllows() throws Exception {
        TokenMinter minter = new TokenMinter(keys.privateKey(), TokenPolicy.defaults());
        JwtClaims claims = verifier(ISSUER).processToClaims(minter.mint("carol", List.of("voter")));
        assertThat(claims.getExpirationTime().getValue() - claims.getIssuedAt().getValue()).isEqualTo(15 * 60);
    }

    @Test
    void aLifetimeOverTheCapIsRefusedAndNamesTheCap() {
        TokenMinter minter = new TokenMinter(keys.privateKey(), TokenPolicy.defaults());
        assertThatThrownBy(() -> minter.mint("dave", List.of("voter"), Duration.ofHours(24)))
                .isInstanceOf(TokenLifetimeException.class).hasMessageContaining("900 s");
        assertThatThrownBy(() -> minter.mintMany("p-", 3, List.of("voter"), Duration.ofMinutes(16)))
                .isInstanceOf(TokenLifetimeException.class);
    }

    @Test
    void theCapAndAudienceComeFromTheSameEnvVarsTheServicesRead() {
        TokenPolicy policy = TokenPolicy.fromEnv(java.util.Map.of("JWT_MAX_TTL_SECONDS", "1800", "JWT_AUDIENCE", "votes-perf"));
        assertThat(policy.maxTtl()).isEqualTo(Duration.ofMinutes(30));
        assertThat(policy.serviceEnv()).containsEntry("JWT_MAX_TTL_SECONDS", "1800").containsEntry("JWT_AUDIENCE", "votes-perf")
                .containsEntry("JWT_ISSUER", ISSUER);
    }
}
