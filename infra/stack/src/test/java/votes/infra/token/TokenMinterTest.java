package votes.infra.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
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

    private JwtConsumer verifier(String issuer) {
        return new JwtConsumerBuilder().setVerificationKey(keys.publicKey()).setExpectedIssuer(issuer)
                .setRequireExpirationTime().setRequireSubject().build();
    }

    @Test
    void tokenVerifiesWithThePublicPemAndCarriesTheClaims() throws Exception {
        TokenMinter minter = new TokenMinter(keys.privateKey(), "https://votes.local/dev");
        String token = minter.mint("alice", List.of("voter", "admin"), Duration.ofHours(1));

        JwtClaims claims = verifier("https://votes.local/dev").processToClaims(token);

        assertThat(claims.getSubject()).isEqualTo("alice");
        assertThat(claims.getClaimValueAsString("upn")).isEqualTo("alice");
        assertThat(claims.getStringListClaimValue("groups")).containsExactly("voter", "admin");
        long lifetime = claims.getExpirationTime().getValue() - claims.getIssuedAt().getValue();
        assertThat(lifetime).isEqualTo(3600);
        assertThat(token.split("\\.")[0]).isEqualTo("eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9"); // {"alg":"RS256","typ":"JWT"}
    }

    @Test
    void tokenFromAnotherIssuerIsRefused() {
        String token = new TokenMinter(keys.privateKey(), "https://elsewhere").mint("bob", List.of("voter"), Duration.ofMinutes(1));
        assertThatThrownBy(() -> verifier("https://votes.local/dev").processToClaims(token))
                .isInstanceOf(InvalidJwtException.class);
    }

    @Test
    void keysAreKeptOnceWritten() {
        assertThat(keys.ensure()).isFalse();
    }

    @Test
    void manyTokensComeInOrderOnePerSubject() throws Exception {
        List<String> tokens = new TokenMinter(keys.privateKey(), "i").mintMany("p-", 50, List.of("voter"), Duration.ofHours(1));
        assertThat(tokens).hasSize(50).doesNotHaveDuplicates();
        assertThat(verifier("i").processToClaims(tokens.get(42)).getSubject()).isEqualTo("p-42");
    }
}
