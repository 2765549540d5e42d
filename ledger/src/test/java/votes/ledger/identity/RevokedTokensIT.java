package votes.ledger.identity;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import votes.infra.test.LocalStackResource;
import votes.infra.test.token.ForgedTokens;
import votes.kit.identity.RevokedTokens;

/** The ledger reads ingest's deny-list (token:blacklist:*) on its authenticated endpoints, on the real test Redis. */
@QuarkusTest
@QuarkusTestResource(value = LocalStackResource.class, restrictToAnnotatedClass = false)
class RevokedTokensIT {

    @Inject
    RedisDataSource redis;

    @Test
    void anAdminTokenOfAnEndedSessionCannotCreateAPollWhileAnotherSessionOfTheSameAdminCan() {
        String admin = "admin-" + UUID.randomUUID();
        String ended = "s-" + UUID.randomUUID();
        redis.value(String.class).psetex(RevokedTokens.sessionKey(ended), 60_000, "1");

        createPoll(sessionToken(admin, ended, "admin"))
                .then().statusCode(401).contentType("application/problem+json")
                .body("type", equalTo("https://votes.dev/problems/token-revoked"));
        createPoll(sessionToken(admin, "s-" + UUID.randomUUID(), "admin")).then().statusCode(201);
    }

    @Test
    void aVotersRevokedTokenCannotReadAReceiptAndAPublicReadIgnoresTheToken() {
        ForgedTokens forge = new ForgedTokens(LocalStackResource.stack());
        String token = forge.signed(forge.voterClaims("v-" + UUID.randomUUID(), claims -> { }));
        String jti = UUID.randomUUID().toString();
        String revoked = forge.signed(forge.voterClaims("v-" + UUID.randomUUID(), claims -> claims.setJwtId(jti)));
        redis.value(String.class).psetex(RevokedTokens.tokenKey(jti), 60_000, "1");

        given().auth().oauth2(revoked).get("/api/v1/receipts/{id}", UUID.randomUUID())
                .then().statusCode(401).body("type", equalTo("https://votes.dev/problems/token-revoked"));
        given().auth().oauth2(token).get("/api/v1/receipts/{id}", UUID.randomUUID())
                .then().statusCode(404);
    }

    static io.restassured.response.Response createPoll(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("title", "Revoked?", "options", List.of(Map.of("id", "a", "label", "A"),
                        Map.of("id", "b", "label", "B"))))
                .post("/api/v1/polls");
    }

    static String sessionToken(String sub, String sid, String... groups) {
        ForgedTokens forge = new ForgedTokens(LocalStackResource.stack());
        return forge.signed(forge.voterClaims(sub, claims -> {
            claims.setClaim("sid", sid);
            claims.setStringListClaim("groups", groups);
        }));
    }
}
