package votes.ingest.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static votes.ingest.it.IngestFixture.body;
import static votes.ingest.it.IngestFixture.token;
import static votes.ingest.it.IngestFixture.votesOn;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import votes.ingest.poll.PollCache;

/** One vote request per event loop at a time: a burst is shed at the door, cheaply and without a trace on the log. */
@QuarkusTest
@TestProfile(OverloadIT.OneAtATime.class)
@WithTestResource(IngestStackResource.class)
class OverloadIT {

    public static class OneAtATime implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("vote.overload.max-concurrent-per-loop", "1",
                    "vote.overload.retry-after", "2s");
        }
    }

    @Inject
    PollCache polls;

    @Test
    void aBurstPastTheConcurrencyBoundIsShed503OverloadedAndNothingIsAppendedForIt() {
        String pollId = IngestFixture.openPoll(polls);

        List<Response> answers = IngestFixture.concurrently(40,
                i -> VoteSubmissionIT.vote(pollId, token("burst-" + i + "-" + UUID.randomUUID()), body("a")));

        List<Response> shed = answers.stream().filter(r -> r.statusCode() != 202).toList();
        assertThat(shed).as("a burst of 40 against a bound of one per event loop").isNotEmpty().allSatisfy(r -> {
            VoteSubmissionIT.assertProblem(r, 503, "overloaded");
            assertThat(r.header("Retry-After")).isEqualTo("2");
            assertThat(r.jsonPath().getString("detail")).contains("nothing was stored");
        });
        Set<String> accepted = answers.stream().filter(r -> r.statusCode() == 202)
                .map(r -> r.jsonPath().getString("receiptId")).collect(Collectors.toSet());
        // Exactly the 202s reached the log: a shed vote left no record.
        assertThat(votesOn(pollId)).extracting(r -> r.value().eventId().toString())
                .containsExactlyInAnyOrderElementsOf(accepted);
        assertThat(given().get("/q/metrics").then().extract().asString())
                .containsPattern("votes_shed_total\\{reason=\"concurrency\"[^}]*} [1-9]");

        // Every slot came back: one vote at a time still gets through.
        await("every request released its slot").atMost(IngestFixture.PATIENCE).untilAsserted(() ->
                assertThat(given().get("/q/metrics").then().extract().asString()).contains("votes_http_in_flight 0.0"));
        given().header("Authorization", "Bearer " + token("after-" + UUID.randomUUID())).contentType("application/json")
                .body(body("b")).post("/api/v1/polls/{pollId}/votes", pollId).then().statusCode(202);
    }
}
