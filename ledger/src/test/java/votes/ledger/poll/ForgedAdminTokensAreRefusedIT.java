package votes.ledger.poll;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.junit.jupiter.api.Test;
import votes.infra.test.LocalStackResource;
import votes.infra.test.token.ForgedTokens;
import votes.ledger.LedgerTables;

/**
 * The ledger verifies tokens as ingest does (RS256 pinned, iss/aud/iat/exp required, lifetime capped): an admin
 * token with any of those flaws cannot create a poll (401 problem+json, no poll row), a sound one can.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackResource.class, restrictToAnnotatedClass = false)
class ForgedAdminTokensAreRefusedIT {

    private static final List<Map<String, String>> OPTIONS = List.of(
            Map.of("id", "a", "label", "Yes"), Map.of("id", "b", "label", "No"));

    @Inject
    Pool pool;

    private static JwtClaims admin(ForgedTokens forge, Consumer<JwtClaims> spoil) {
        return forge.voterClaims("forged-admin", c -> {
            c.setStringListClaim("groups", List.of("admin"));
            spoil.accept(c);
        });
    }

    private static int createPollWith(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("title", "Forged?", "options", OPTIONS))
                .post("/api/v1/polls")
                .then().extract().statusCode();
    }

    private static void assertRefused(String token) {
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("title", "Forged?", "options", OPTIONS))
                .post("/api/v1/polls")
                .then().statusCode(401).contentType("application/problem+json")
                .body("type", equalTo("https://votes.dev/problems/unauthenticated"));
    }

    @Test
    void adminTokensWithNoSignatureAWrongAudienceOrTooLongALifeCreateNoPoll() {
        ForgedTokens forge = new ForgedTokens(LocalStackResource.stack());
        long before = new LedgerTables(pool).polls();

        assertRefused(forge.unsigned(admin(forge, c -> { })));
        assertRefused(forge.hmacWithThePublicKey(admin(forge, c -> { })));
        assertRefused(forge.signedByAnotherKey(admin(forge, c -> { })));
        assertRefused(forge.signed(admin(forge, c -> c.setAudience("some-other-api"))));
        assertRefused(forge.signed(admin(forge, c -> c.unsetClaim("aud"))));
        assertRefused(forge.signed(admin(forge, c -> c.setExpirationTime(
                NumericDate.fromSeconds(Instant.now().plus(24, ChronoUnit.HOURS).getEpochSecond())))));
        assertThat(new LedgerTables(pool).polls()).isEqualTo(before);

        assertThat(createPollWith(forge.signed(admin(forge, c -> { })))).isEqualTo(201);
        assertThat(new LedgerTables(pool).polls()).isEqualTo(before + 1);
    }
}
