package votes.ledger.poll;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static votes.ledger.LedgerFixture.admin;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import votes.infra.test.LocalStackResource;
import votes.ledger.LedgerTables;

/** The length and size limits of a new poll (application.properties' defaults), on the real ledger. */
@QuarkusTest
@QuarkusTestResource(value = LocalStackResource.class, restrictToAnnotatedClass = false)
class PollLimitsIT {

    private static final String PROBLEM_JSON = "application/problem+json";

    @Inject
    Pool pool;

    @Test
    void overlongTitleOrLabelIs400NamingTheLimitAndNothingIsStored() {
        long before = new LedgerTables(pool).polls();

        given().auth().oauth2(admin()).contentType(ContentType.JSON)
                .body(Map.of("title", "t".repeat(201), "options", List.of(
                        Map.of("id", "a", "label", "A"), Map.of("id", "b", "label", "b".repeat(101)))))
                .post("/api/v1/polls")
                .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("type", equalTo("https://votes.dev/problems/malformed-request"))
                .body("violations", equalTo(List.of("title must be at most 200 characters, not 201",
                        "options[1].label must be at most 100 characters, not 101")));

        assertThat(new LedgerTables(pool).polls()).isEqualTo(before);
    }

    @Test
    void bodyOverSixteenKibIs413ProblemAndNothingIsStored() {
        long before = new LedgerTables(pool).polls();
        String padded = "{\"title\":\"Big\",\"options\":[{\"id\":\"a\",\"label\":\"A\"},{\"id\":\"b\",\"label\":\"B\"}],"
                + "\"pad\":\"" + "x".repeat(16 * 1024) + "\"}";

        given().auth().oauth2(admin()).contentType(ContentType.JSON).body(padded)
                .post("/api/v1/polls")
                .then().statusCode(413).contentType(PROBLEM_JSON)
                .body("type", equalTo("https://votes.dev/problems/payload-too-large"))
                .body("detail", containsString("16384 bytes"));

        assertThat(new LedgerTables(pool).polls()).isEqualTo(before);
    }
}
