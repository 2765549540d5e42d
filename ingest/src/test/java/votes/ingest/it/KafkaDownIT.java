package votes.ingest.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static votes.ingest.it.IngestFixture.body;
import static votes.ingest.it.IngestFixture.token;
import static votes.ingest.it.IngestFixture.votesOn;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.vertx.mutiny.redis.client.Redis;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import votes.ingest.log.VoteLog;
import votes.ingest.poll.PollCache;

/** The producer points at a port where no broker listens: appends fail, and the answer is 503, never a 202. */
@QuarkusTest
@TestProfile(KafkaDownIT.TinyTimeouts.class)
@WithTestResource(value = IngestStackResource.class, initArgs = @ResourceArg(name = "dead", value = "kafka"))
class KafkaDownIT {

    public static class TinyTimeouts implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    // The producer holds a record up to 5 s (waiting for metadata) while the client is
                    // answered after 1 s: the in-flight slot stays taken until the producer lets go.
                    "mp.messaging.outgoing.votes-submitted.max.block.ms", "5000",
                    "mp.messaging.outgoing.votes-submitted.request.timeout.ms", "500",
                    "mp.messaging.outgoing.votes-submitted.delivery.timeout.ms", "1000",
                    "vote.log.send-timeout", "1000ms",
                    "vote.redis.reservation-ttl", "20s",
                    "vote.log.max-in-flight", "1",
                    "vote.log.retry-after", "2s",
                    "vote.overload.retry-after", "3s",
                    // Which step was slow when this test fails on a loaded machine: the fast path says so at DEBUG.
                    "quarkus.log.category.\"votes.ingest\".level", "DEBUG");
        }
    }

    @Inject
    PollCache polls;

    @Inject
    VoteLog log;

    @Inject
    Redis redis;

    private String pollId;

    @BeforeEach
    void openPollAndLetTheProducerLetGoOfEarlierRecords() {
        pollId = IngestFixture.openPoll(polls);
        await("no append in flight").atMost(IngestFixture.PATIENCE)
                .untilAsserted(() -> assertThat(log.inFlight()).as("appends in flight").isZero());
    }

    private Response vote(String token, String idempotencyKey) {
        return given().header("Authorization", "Bearer " + token).header("Idempotency-Key", idempotencyKey)
                .contentType("application/json").body(body("a")).post("/api/v1/polls/{pollId}/votes", pollId);
    }

    @Test
    void anAppendTheLogCannotTakeIsAnswered503AndOneMoreFindsTheQueueFullAndIsShedAtOnce() {
        // Two votes at once: one takes the only in-flight slot and waits for an ack that never comes; the
        // other finds no slot and is shed at once, not queued. Which is which is up to the scheduler.
        List<Response> answers = IngestFixture.concurrently(2,
                i -> VoteSubmissionIT.vote(pollId, token("sam-" + i + "-" + UUID.randomUUID()), body("a")));

        assertThat(answers).extracting(answer -> answer.jsonPath().getString("type"))
                .containsExactlyInAnyOrder("https://votes.dev/problems/overloaded", "https://votes.dev/problems/unavailable");
        for (Response answer : answers) {
            boolean shed = answer.jsonPath().getString("type").endsWith("/overloaded");
            VoteSubmissionIT.assertProblem(answer, 503, shed ? "overloaded" : "unavailable");
            assertThat(answer.header("Retry-After")).isEqualTo(shed ? "3" : "2");
            assertThat(answer.jsonPath().getString("detail")).startsWith(shed
                    ? "too many votes waiting for the log; nothing was stored"
                    : "the log did not acknowledge the append in time; it may still be recorded");
        }
        assertThat(votesOn(pollId)).isEmpty();
        // The producer cannot reach a broker: this instance should leave the load balancer.
        given().get("/q/health/ready").then().statusCode(503);
        assertThat(given().get("/q/metrics").then().extract().asString())
                .containsPattern("votes_shed_total\\{reason=\"append-queue\"[^}]*} [1-9]")
                // The direct producer never got the topic's metadata: it refused every vote at once (never waiting on the event
                // loop) and each took the channel, whose thread held it.
                .containsPattern("votes_append_route_total\\{[^}]*route=\"direct\"[^}]*} 0\\.0")
                .containsPattern("votes_append_route_total\\{[^}]*route=\"channel\"[^}]*} [1-9]");
    }

    @Test
    void aSameKeyRetryWhileTheAppendIsInFlightIsToldItsReceiptAndTheFailedAppendReleasesTheSlot() {
        String token = null;
        String slot = null;
        String reserved = null;
        // A Redis answer slower than vote.redis.timeout (seen at a load average of 28) skips the fast path and no
        // reservation is made: that degraded mode is RedisDownIT's subject, so go again with another voter.
        for (int attempt = 0; attempt < 3 && reserved == null; attempt++) {
            await("no append in flight").atMost(IngestFixture.PATIENCE)
                    .untilAsserted(() -> assertThat(log.inFlight()).as("appends in flight").isZero());
            String sub = "tia-" + UUID.randomUUID();
            token = token(sub);
            slot = IngestFixture.slotKey(sub, pollId);
            VoteSubmissionIT.assertProblem(vote(token, "k-1"), 503, "unavailable");
            reserved = IngestFixture.redisGet(redis, slot);
        }
        assertThat(reserved).as("the slot is reserved while the producer holds the record").isNotNull();

        // The producer still holds the first attempt (up to max.block.ms): the retry learns its receipt id.
        Response retry = vote(token, "k-1");
        VoteSubmissionIT.assertProblem(retry, 409, "duplicate-vote");
        assertThat(reserved).contains("\"receiptId\":\"" + retry.jsonPath().getString("existingReceiptId") + "\"");

        String held = slot;
        await("the failed append releases the slot").atMost(IngestFixture.PATIENCE)
                .untilAsserted(() -> assertThat(IngestFixture.redisGet(redis, held)).as("slot " + held).isNull());
        await("the producer let go of the record").atMost(IngestFixture.PATIENCE)
                .untilAsserted(() -> assertThat(log.inFlight()).as("appends in flight").isZero());
        // Free again: the voter is not a duplicate; the log is still down, so the answer is 503 again.
        VoteSubmissionIT.assertProblem(vote(token, "k-2"), 503, "unavailable");
        assertThat(votesOn(pollId)).isEmpty();
    }
}
