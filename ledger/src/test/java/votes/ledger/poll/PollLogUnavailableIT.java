package votes.ledger.poll;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static votes.ledger.LedgerFixture.admin;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import votes.infra.test.LocalStackResource;
import votes.ledger.LedgerTables;

/** The admin API with a poll-events producer that cannot reach any broker. */
@QuarkusTest
@TestProfile(PollLogUnavailableIT.DeadBroker.class)
@QuarkusTestResource(value = LocalStackResource.class, restrictToAnnotatedClass = false)
public class PollLogUnavailableIT {

    public static class DeadBroker implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            String out = "mp.messaging.outgoing.poll-events-out.";
            return Map.of(out + "bootstrap.servers", "127.0.0.1:1",
                    out + "max.block.ms", "1500",
                    out + "request.timeout.ms", "1000",
                    out + "delivery.timeout.ms", "2000");
        }
    }

    @Inject
    Pool pool;

    @Test
    void pollTheLogCannotTakeIs503WithRetryAfterAndNothingStored() {
        long before = new LedgerTables(pool).polls();

        given().auth().oauth2(admin()).contentType(ContentType.JSON)
                .body(Map.of("title", "Lost?", "options", List.of(Map.of("id", "a", "label", "A"),
                        Map.of("id", "b", "label", "B"))))
                .post("/api/v1/polls")
                .then().statusCode(503).contentType("application/problem+json")
                .header("Retry-After", "5")
                .body("type", equalTo("https://votes.dev/problems/unavailable"));

        assertThat(new LedgerTables(pool).polls()).isEqualTo(before);
    }
}
