package votes.realtime.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import votes.events.codec.EventCodec;
import votes.events.tally.Results;

@QuarkusTest
@QuarkusTestResource(RealtimeStackResource.class)
class ResultsIT {

    static final Duration WAIT = Duration.ofSeconds(20);

    static int versionOf(String pollId) {
        var response = given().get("/api/v1/polls/{id}/results", pollId);
        return response.statusCode() == 200 ? response.jsonPath().getInt("version") : -1;
    }

    static void awaitVersion(String pollId, long version) {
        await("results of " + pollId + " at version " + version).atMost(WAIT)
                .untilAsserted(() -> assertThat((long) versionOf(pollId)).as("version served").isGreaterThanOrEqualTo(version));
    }

    @Test
    void resultsAreTheLatestTallyWithPercentagesInTheContractsShape() {
        String pollId = TallyFixture.newPollId();
        TallyFixture.publish(pollId, 0, 0, 0);
        TallyFixture.publish(pollId, TallyFixture.tally(pollId, 1, 2, 1, false));
        awaitVersion(pollId, 1);

        String body = given().get("/api/v1/polls/{id}/results", pollId).then()
                .statusCode(200)
                .contentType("application/json")
                .header("X-Request-Id", notNullValue())
                .body("pollId", equalTo(pollId))
                .body("totalVotes", equalTo(3))
                .body("options.optionId", contains("a", "b"))
                .body("options.label", contains("Pizza", "Salad"))
                .body("options.votes", contains(2, 1))
                .body("options.percentage", contains(66.7f, 33.3f))
                .body("version", equalTo(1))
                .body("asOf", notNullValue())
                .body("final", equalTo(false))
                .extract().asString();
        Map<String, Object> fields = JsonPath.from(body).getMap("");
        assertThat(fields).containsOnlyKeys("pollId", "totalVotes", "options", "version", "asOf", "final");
        assertThat(JsonPath.from(body).getMap("options[0]")).containsOnlyKeys("optionId", "label", "votes", "percentage");
        assertThat(body).as("served exactly as the contract's Results renders")
                .isEqualTo(EventCodec.toJson(EventCodec.fromJson(body, Results.class)));
    }

    @Test
    void aPollWithNoVotesShowsZeroPercent() {
        String pollId = TallyFixture.newPollId();
        TallyFixture.publish(pollId, 0, 0, 0);
        awaitVersion(pollId, 0);
        given().get("/api/v1/polls/{id}/results", pollId).then()
                .statusCode(200)
                .body("totalVotes", equalTo(0))
                .body("options.percentage", contains(0.0f, 0.0f));
    }

    @Test
    void anOlderTallyReadLaterNeverTakesTheResultsBackwards() {
        String pollId = TallyFixture.newPollId();
        TallyFixture.publish(pollId, 5, 10, 0);
        TallyFixture.publish(pollId, 4, 9, 0);   // a stale record
        TallyFixture.publish(pollId, 6, 11, 0);  // a marker that both were read
        awaitVersion(pollId, 6);
        TallyFixture.publish(pollId, 3, 1, 0);
        TallyFixture.publish(pollId, TallyFixture.tally(pollId, 7, 12, 0, true));
        awaitVersion(pollId, 7);
        given().get("/api/v1/polls/{id}/results", pollId).then()
                .body("totalVotes", equalTo(12))
                .body("final", equalTo(true));
    }

    @Test
    void anUnknownPollIsA404Problem() {
        given().get("/api/v1/polls/{id}/results", "no-such-poll").then()
                .statusCode(404)
                .contentType("application/problem+json")
                .header("X-Request-Id", notNullValue())
                .body("type", endsWith("/poll-not-found"))
                .body("status", equalTo(404));
    }

    @Test
    void pagesAreServedWithTheirScripts() {
        given().get("/").then().statusCode(200).contentType("text/html");
        given().get("/results.html").then().statusCode(200);
        given().get("/vote.html").then().statusCode(200);
        given().get("/results.js").then().statusCode(200);
        given().get("/q/health/ready").then().statusCode(200);
    }
}
