package votes.ingest.it;

import static org.assertj.core.api.Assertions.assertThat;
import static votes.ingest.it.IngestFixture.body;
import static votes.ingest.it.IngestFixture.token;
import static votes.ingest.it.IngestFixture.votesOn;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import votes.ingest.poll.PollCache;

/** The producer points at a port where no broker listens: appends fail, and the answer is 503, never a 202. */
@QuarkusTest
@TestProfile(KafkaDownIT.TinyTimeouts.class)
@QuarkusTestResource(value = IngestStackResource.class, restrictToAnnotatedClass = true,
        initArgs = @ResourceArg(name = "dead", value = "kafka"))
class KafkaDownIT {

    public static class TinyTimeouts implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    // The producer holds a record up to 3 s (waiting for metadata) while the client is
                    // answered after 1 s: the in-flight slot stays taken until the producer lets go.
                    "mp.messaging.outgoing.votes-submitted.max.block.ms", "3000",
                    "mp.messaging.outgoing.votes-submitted.request.timeout.ms", "500",
                    "mp.messaging.outgoing.votes-submitted.delivery.timeout.ms", "1000",
                    "vote.log.send-timeout", "1000ms",
                    "vote.log.max-in-flight", "1",
                    "vote.log.retry-after", "2s");
        }
    }

    @Inject
    PollCache polls;

    @Test
    void anAppendTheLogCannotTakeIsAnswered503WithRetryAfterAndAnExtraOneIsRefusedAtOnce() throws Exception {
        String pollId = IngestFixture.newPollId();
        IngestFixture.createPoll(pollId, null, null);
        IngestFixture.await("ingest folds the poll", () -> polls.get(pollId) != null);

        // Two votes at once: one takes the only in-flight slot and waits for an ack that never comes; the
        // other finds no slot and is refused at once, not queued. Which is which is up to the scheduler.
        CompletableFuture<Response> one = CompletableFuture.supplyAsync(
                () -> VoteSubmissionIT.vote(pollId, token("sam-" + UUID.randomUUID()), body("a")));
        CompletableFuture<Response> two = CompletableFuture.supplyAsync(
                () -> VoteSubmissionIT.vote(pollId, token("tom-" + UUID.randomUUID()), body("a")));
        List<Response> answers = List.of(one.get(), two.get());

        for (Response answer : answers) {
            VoteSubmissionIT.assertProblem(answer, 503, "unavailable");
            assertThat(answer.header("Retry-After")).isEqualTo("2");
        }
        assertThat(answers).extracting(answer -> answer.jsonPath().getString("detail"))
                .containsExactlyInAnyOrder("too many votes waiting for the log", "the log did not acknowledge the append");
        assertThat(votesOn(pollId)).isEmpty();
        // The producer cannot reach a broker: this instance should leave the load balancer.
        io.restassured.RestAssured.given().get("/q/health/ready").then().statusCode(503);
    }
}
