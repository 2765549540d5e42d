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
import org.junit.jupiter.api.Test;
import votes.infra.test.LocalStackResource;
import votes.ledger.LedgerTables;

/** Inputs infra/system-tests' fuzz suite answered with 500 before: now 400 problem+json, and nothing stored. */
@QuarkusTest
@QuarkusTestResource(value = LocalStackResource.class, restrictToAnnotatedClass = false)
class HostilePollInputIT {

    private static final String PROBLEM_JSON = "application/problem+json";
    private static final String MALFORMED = "https://votes.dev/problems/malformed-request";
    private static final String TWO = "[{\"id\":\"a\",\"label\":\"A\"},{\"id\":\"b\",\"label\":\"B\"}]";

    @Inject
    Pool pool;

    @Test
    void aNulInAPollIdOfThePathIs400NotAServerError() {
        for (String path : new String[] {"/api/v1/polls/%00", "/api/v1/polls/a%00b/chain", "/api/v1/polls/%00/export"}) {
            given().urlEncodingEnabled(false).auth().oauth2(admin()).get(path)
                    .then().statusCode(400).contentType(PROBLEM_JSON).body("type", equalTo(MALFORMED));
        }
        given().urlEncodingEnabled(false).auth().oauth2(admin()).post("/api/v1/polls/%00/close")
                .then().statusCode(400).contentType(PROBLEM_JSON).body("type", equalTo(MALFORMED));
    }

    @Test
    void aRepeatedMemberIs400NotAServerError() {
        given().auth().oauth2(admin()).contentType(ContentType.JSON)
                .body("{\"title\":\"t\",\"options\":" + TWO + ",\"opensAt\":\"2030-01-01T12:00:00Z\",\"opensAt\":true}")
                .post("/api/v1/polls")
                // Quarkus's JSON reader turns the parse error into a plain 400 (detail "HTTP 400 Bad Request"), as for
                // any unreadable body; without service-kit's StrictJson this was a 500.
                .then().statusCode(400).contentType(PROBLEM_JSON).body("type", equalTo(MALFORMED));
    }

    @Test
    void aNulInTheTitleIsRefusedBeforeTheLogTakesIt() {
        long before = new LedgerTables(pool).polls();

        given().auth().oauth2(admin()).contentType(ContentType.JSON)
                .body("{\"title\":\"nul\\u0000title\",\"options\":" + TWO + "}")
                .post("/api/v1/polls")
                .then().statusCode(400).contentType(PROBLEM_JSON).body("type", equalTo(MALFORMED))
                .body("violations[0]", containsString("title must not contain control characters"));

        assertThat(new LedgerTables(pool).polls()).isEqualTo(before);
    }
}
