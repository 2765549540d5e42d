package votes.ingest.it;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import votes.ingest.poll.PollCache;

/**
 * The bound on the votes a loop has not yet handed to the log ({@code vote.overload.max-before-log-per-loop}, here 2 on
 * one loop): votes that wait for the broker's ack (the producer lingers a second) do not count, so more of them than
 * the bound are in progress at once and all are accepted; a burst that piles up before the log (the loop held for a
 * second while it arrives) is shed past the bound, and the second shows in the loop's lag.
 */
@QuarkusTest
@TestProfile(BeforeTheLogIT.OneLoopTwoBeforeTheLog.class)
@WithTestResource(IngestStackResource.class)
class BeforeTheLogIT {

    private static final int BOUND = 2;
    private static final int WAITING_FOR_THE_ACK = 6;
    private static final int BURST = 8;

    public static class OneLoopTwoBeforeTheLog implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // The ack comes a second after the append (the producer's linger), well inside the request's deadline.
            return Map.of("quarkus.vertx.event-loops-pool-size", "1",
                    "vote.overload.max-before-log-per-loop", Integer.toString(BOUND),
                    "mp.messaging.outgoing.votes-submitted.linger.ms", "1000");
        }
    }

    @Inject
    PollCache polls;

    @Inject
    LoopStall stall;

    @Test
    void votesWaitingForTheAckDoNotCountAndAPileBeforeTheLogIsShedPastTheBound() throws Exception {
        String pollId = IngestFixture.openPoll(polls);
        // A cold first vote may spend long before the log; from here on each reaches it within milliseconds.
        VoteSubmissionIT.vote(pollId, token("warm-" + UUID.randomUUID()), body("a")).then().statusCode(202);

        // One vote every 100 ms, each waiting a second for its ack: ~6 in progress at once, 3 times the bound.
        // Paced by a delayed executor, not a sleep: vote i leaves at i x 100 ms.
        List<CompletableFuture<Response>> waiting = new ArrayList<>();
        for (int i = 0; i < WAITING_FOR_THE_ACK; i++) {
            waiting.add(CompletableFuture.supplyAsync(
                    () -> VoteSubmissionIT.vote(pollId, token("acked-" + UUID.randomUUID()), body("a")),
                    CompletableFuture.delayedExecutor(i * 100L, TimeUnit.MILLISECONDS)));
        }
        List<Response> acked = waiting.stream().map(CompletableFuture::join).toList();
        assertThat(acked).as("votes waiting for the ack, more of them than the bound")
                .allSatisfy(r -> assertThat(r.statusCode()).as(r.asString()).isEqualTo(202));

        double shedBefore = IngestFixture.shedBehind();
        // The burst arrives while the stalling vote holds the loop: the loop admits it all in one turn, before any
        // of it (or the stalling vote) can reach the log.
        CompletableFuture<Response> stalled = stall.vote(pollId, "1000");
        List<Response> burst = IngestFixture.concurrently(BURST,
                i -> VoteSubmissionIT.vote(pollId, token("piled-" + i + "-" + UUID.randomUUID()), body("a")));

        List<Response> shed = burst.stream().filter(r -> r.statusCode() != 202).toList();
        assertThat(shed).as("of a burst of %d piled up before the log, all past the bound of %d", BURST, BOUND)
                .hasSizeGreaterThanOrEqualTo(BURST - BOUND).allSatisfy(r -> {
                    VoteSubmissionIT.assertProblem(r, 503, "overloaded");
                    assertThat(r.jsonPath().getString("detail")).contains("behind").contains("nothing was stored");
                });
        assertThat(IngestFixture.shedBehind() - shedBefore).as("votes_shed_total{reason=behind} counted each")
                .isEqualTo(shed.size());
        assertThat(IngestFixture.metric("votes_loop_lag_seconds_max(?:\\{[^}]*})? ([0-9.E]+)"))
                .as("the second the loop was held shows in its lag, in seconds").isGreaterThanOrEqualTo(0.9);
        // The 202s and only they reached the log.
        List<String> accepted = Stream.of(acked, burst, List.of(stalled.join())).flatMap(List::stream)
                .filter(r -> r.statusCode() == 202).map(r -> r.jsonPath().getString("receiptId")).toList();
        assertThat(votesOn(pollId).stream().map(r -> r.value().eventId().toString()).toList())
                .hasSize(1 + accepted.size()).containsAll(accepted);
    }
}
