package votes.ingest.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
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
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import votes.ingest.poll.PollCache;

/**
 * The tighter bound of a loop that is behind: the same burst that a loop keeping up accepts whole is shed past
 * {@code behind.max-concurrent-per-loop} once the loop has stayed behind (here: two votes in a row that each hold it
 * for a second, so that two probes in a row waited).
 */
@QuarkusTest
@TestProfile(LoopBehindIT.OneLoopOneWhileBehind.class)
@WithTestResource(IngestStackResource.class)
class LoopBehindIT {

    private static final int WARM = 10;
    private static final int BURST = 8;
    private static final String STALL_MILLIS = "1000";

    public static class OneLoopOneWhileBehind implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // One loop, so the stalling votes and the burst share it; a lag threshold far above what a burst of
            // eight costs a warm loop, far below the stall.
            return Map.of("quarkus.vertx.event-loops-pool-size", "1",
                    "vote.overload.behind.shed", "true",
                    "vote.overload.behind.lag", "300ms",
                    "vote.overload.behind.max-concurrent-per-loop", "1",
                    "vote.overload.behind.fresh-for", "3s");
        }
    }

    @Inject
    PollCache polls;

    @Inject
    LoopStall stall;

    @Test
    void votesPastTheTighterBoundAreShedOnlyWhileTheLoopIsBehind() throws Exception {
        String pollId = IngestFixture.openPoll(polls);
        // Sequential votes until the loop is warm: each probe replaces the last, so a cold first vote's lag is gone.
        for (int i = 0; i < WARM; i++) {
            VoteSubmissionIT.vote(pollId, token("warm-" + UUID.randomUUID()), body("a")).then().statusCode(202);
        }

        List<Response> keepingUp = burst(pollId, "keeping-up-");
        assertThat(keepingUp).as("a loop that keeps up works on the whole burst, past the behind bound of one")
                .allSatisfy(r -> assertThat(r.statusCode()).as(r.asString()).isEqualTo(202));

        double shedBefore = shedBehind();
        // The second stalling vote arrives while the first holds the loop, the burst while the second does.
        List<CompletableFuture<Response>> stalled = List.of(stallingVote(pollId), stallingVote(pollId));
        List<Response> behind = burst(pollId, "behind-");

        for (CompletableFuture<Response> vote : stalled) {
            assertThat(vote.get(IngestFixture.PATIENCE.toSeconds(), TimeUnit.SECONDS).statusCode())
                    .as("a vote that held the loop was admitted before the loop stayed behind").isEqualTo(202);
        }
        List<Response> shed = behind.stream().filter(r -> r.statusCode() != 202).toList();
        assertThat(shed).as("a burst that waited a second for the loop").isNotEmpty().allSatisfy(r -> {
            VoteSubmissionIT.assertProblem(r, 503, "overloaded");
            assertThat(r.jsonPath().getString("detail")).contains("behind").contains("nothing was stored");
        });
        assertThat(shedBehind() - shedBefore).as("votes_shed_total{reason=behind} counted each").isEqualTo(shed.size());
        assertThat(metric("votes_loop_lag_seconds_max(?:\\{[^}]*})? ([0-9.E]+)"))
                .as("the second the loop was held shows in its lag, in seconds").isGreaterThanOrEqualTo(0.9);
        // The 202s and only they reached the log.
        List<Response> stalledAnswers = stalled.stream().map(CompletableFuture::join).toList();
        List<String> accepted = List.of(keepingUp, behind, stalledAnswers).stream().flatMap(List::stream)
                .filter(r -> r.statusCode() == 202).map(r -> r.jsonPath().getString("receiptId")).toList();
        assertThat(votesOn(pollId).stream().map(r -> r.value().eventId().toString()).collect(Collectors.toList()))
                .hasSize(WARM + accepted.size()).containsAll(accepted);
    }

    /** A vote that holds the loop for {@link #STALL_MILLIS}, sent once the call returns (its stall has begun). */
    private CompletableFuture<Response> stallingVote(String pollId) throws InterruptedException {
        CountDownLatch stalling = stall.next();
        CompletableFuture<Response> vote = CompletableFuture.supplyAsync(() -> given()
                .header("Authorization", "Bearer " + token("stalled-" + UUID.randomUUID()))
                .header(LoopStall.HEADER, STALL_MILLIS).contentType("application/json").body(body("b"))
                .post("/api/v1/polls/{pollId}/votes", pollId));
        assertThat(stalling.await(IngestFixture.PATIENCE.toSeconds(), TimeUnit.SECONDS)).as("the stall began").isTrue();
        return vote;
    }

    /** The counter's value, 0 before its first increment (meters may outlive an app in this JVM: compare deltas). */
    private static double shedBehind() {
        return metric("votes_shed_total\\{reason=\"behind\"[^}]*} ([0-9.E]+)");
    }

    /** The value the pattern's group captures in /q/metrics, 0 when it is absent. */
    private static double metric(String pattern) {
        Matcher value = Pattern.compile(pattern).matcher(given().get("/q/metrics").then().extract().asString());
        return value.find() ? Double.parseDouble(value.group(1)) : 0;
    }

    private static List<Response> burst(String pollId, String voterPrefix) {
        return IngestFixture.concurrently(BURST,
                i -> VoteSubmissionIT.vote(pollId, token(voterPrefix + i + "-" + UUID.randomUUID()), body("a")));
    }
}
