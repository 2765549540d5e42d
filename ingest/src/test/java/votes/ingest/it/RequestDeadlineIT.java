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
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import votes.ingest.poll.PollCache;

/**
 * A producer that lingers 2 s before sending and a request deadline of 500 ms: the client is answered 503 at the
 * deadline while its vote is still on its way, and the vote lands later. The answer must not claim otherwise, and
 * the late ack must make the vote what it is: accepted, with its receipt behind the same Idempotency-Key.
 */
@QuarkusTest
@TestProfile(RequestDeadlineIT.SlowLog.class)
@WithTestResource(value = IngestStackResource.class, initArgs = @ResourceArg(name = "deadline", value = "500ms"))
class RequestDeadlineIT {

    public static class SlowLog implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "mp.messaging.outgoing.votes-submitted.linger.ms", "2000",
                    "mp.messaging.outgoing.votes-submitted.request.timeout.ms", "3000",
                    "mp.messaging.outgoing.votes-submitted.delivery.timeout.ms", "8000",
                    "vote.log.send-timeout", "9s",
                    "vote.redis.reservation-ttl", "20s");
        }
    }

    @Inject
    PollCache polls;

    @Inject
    Redis redis;

    @Test
    void aVoteStillOnItsWayAtTheDeadlineIsAnswered503MayStillLandAndItsLateAckIsItsReceipt() {
        String pollId = IngestFixture.openPoll(polls);
        String sub = "una-" + UUID.randomUUID();
        String token = token(sub);
        String key = "late-" + UUID.randomUUID();

        Response first = vote(pollId, token, key);
        // A cold or busy JVM may spend the 500 ms before the append: that vote is shed, nothing stored; go again.
        for (int attempt = 0; attempt < 5 && first.statusCode() == 503
                && first.jsonPath().getString("type").endsWith("/overloaded"); attempt++) {
            first = vote(pollId, token, key);
        }

        VoteSubmissionIT.assertProblem(first, 503, "unavailable");
        assertThat(first.jsonPath().getString("detail")).contains("it may still be recorded");
        assertThat(first.header("Retry-After")).isNotBlank();
        String reserved = IngestFixture.redisGet(redis, IngestFixture.slotKey(sub, pollId));
        assertThat(reserved).as("the slot stays reserved while the record may land").isNotNull();

        await("the lingering record reaches the log").atMost(IngestFixture.PATIENCE)
                .untilAsserted(() -> assertThat(votesOn(pollId)).hasSize(1));
        String landed = votesOn(pollId).get(0).value().eventId().toString();
        assertThat(reserved).contains("\"receiptId\":\"" + landed + "\"");
        // Once the late ack is settled, the same key gets the 202 of the vote that landed; nothing more is appended.
        await("the late ack is settled in Redis").atMost(IngestFixture.PATIENCE)
                .untilAsserted(() -> assertThat(vote(pollId, token, key).statusCode()).isEqualTo(202));
        Response retry = vote(pollId, token, key);
        assertThat(retry.jsonPath().getString("receiptId")).isEqualTo(landed);
        assertThat(votesOn(pollId)).hasSize(1);
        assertThat(given().get("/q/metrics").then().extract().asString())
                .containsPattern("votes_append_late_total\\{outcome=\"acked\"[^}]*} [1-9]");
    }

    private static Response vote(String pollId, String token, String idempotencyKey) {
        return given().header("Authorization", "Bearer " + token).header("Idempotency-Key", idempotencyKey)
                .contentType("application/json").body(body("a")).post("/api/v1/polls/{pollId}/votes", pollId);
    }
}
