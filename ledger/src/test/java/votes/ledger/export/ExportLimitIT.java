package votes.ledger.export;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static votes.ledger.LedgerFixture.admin;
import static votes.ledger.LedgerFixture.createPoll;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;
import votes.infra.test.LocalStackResource;

/** With every export slot taken (here: none at all), an export is refused before it takes a connection. */
@QuarkusTest
@TestProfile(ExportLimitIT.NoExportSlots.class)
@QuarkusTestResource(value = LocalStackResource.class, restrictToAnnotatedClass = false)
class ExportLimitIT {

    public static class NoExportSlots implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("ledger.export.max-concurrent", "0");
        }
    }

    @Test
    void exportBeyondTheConcurrencyLimitIs503WithRetryAfter() {
        given().auth().oauth2(admin()).get("/api/v1/polls/{id}/export?format=csv", createPoll())
                .then().statusCode(503).contentType("application/problem+json")
                .header("Retry-After", "10")
                .body("type", equalTo("https://votes.dev/problems/unavailable"));
    }
}
