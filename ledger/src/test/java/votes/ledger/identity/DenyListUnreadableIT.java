package votes.ledger.identity;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import votes.infra.test.LocalStackResource;

/**
 * Redis unreachable: the deny-list cannot be read, so admin actions fail closed (503 + Retry-After, nothing done) and a
 * voter's receipt read fails open (answered as usual). Tokens name a session so that there is something to look up.
 */
@QuarkusTest
@TestProfile(DenyListUnreadableIT.DeadRedis.class)
@QuarkusTestResource(value = LocalStackResource.class, restrictToAnnotatedClass = false)
public class DenyListUnreadableIT {

    public static class DeadRedis implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.redis.hosts", "redis://127.0.0.1:1");
        }
    }

    @Test
    void anAdminActionIs503WithRetryAfterAndAVotersReceiptReadGoesOn() {
        RevokedTokensIT.createPoll(RevokedTokensIT.sessionToken("admin-" + UUID.randomUUID(), "s-1", "admin"))
                .then().statusCode(503).contentType("application/problem+json")
                .header("Retry-After", "5")
                .body("type", equalTo("https://votes.dev/problems/unavailable"));

        String voter = RevokedTokensIT.sessionToken("v-" + UUID.randomUUID(), "s-2", "voter");
        given().auth().oauth2(voter).get("/api/v1/receipts/{id}", UUID.randomUUID())
                .then().statusCode(404).body("type", equalTo("https://votes.dev/problems/receipt-not-found"));
    }
}
