package votes.ingest.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static votes.ingest.it.IngestFixture.body;
import static votes.ingest.it.IngestFixture.token;
import static votes.ingest.it.IngestFixture.votesOn;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import votes.ingest.poll.PollCache;
import votes.ingest.warmup.WarmUp;
import votes.ingest.warmup.WarmUpVotes;

/**
 * Redis points at a port where nothing listens: the fast path is skipped and votes still flow, and the warm-up before
 * readiness stops at its first degraded answers instead of running all its votes.
 */
@QuarkusTest
@WithTestResource(value = IngestStackResource.class, initArgs = {@ResourceArg(name = "dead", value = "redis"),
        @ResourceArg(name = "warm-up-votes", value = "" + RedisDownIT.WARM_UP_VOTES)})
class RedisDownIT {

    static final int WARM_UP_VOTES = 5_000;

    @Inject
    PollCache polls;

    @Inject
    WarmUp warmUp;

    @Test
    void theWarmUpStopsOnceTheFastPathIsDegradedAndIngestIsReady() {
        await().atMost(IngestFixture.PATIENCE).until(warmUp::finished);
        // Refused at once, so without the stop every one of its votes would have run as quickly as these few did.
        assertThat(warmUp.votesRun()).as("warm-up votes run before it stopped").isPositive().isLessThan(WARM_UP_VOTES);
        assertThat(warmUp.outcomes()).as("how they ended").isNotEmpty().doesNotContainKey("Accepted");
        assertThat(votesOn(WarmUpVotes.POLL_ID)).as("the log").isEmpty();
        io.restassured.RestAssured.given().get("/q/health/ready").then().statusCode(200);
    }

    @Test
    void votesAreAcceptedWithoutRedisAndTheLedgerIsLeftToDecideDuplicates() {
        String pollId = IngestFixture.openPoll(polls);
        String token = token("uma-" + UUID.randomUUID());

        VoteSubmissionIT.vote(pollId, token, body("a")).then().statusCode(202);
        // No fast path: the second attempt is appended too, and the ledger's unique constraint refuses it.
        VoteSubmissionIT.vote(pollId, token, body("b")).then().statusCode(202);

        assertThat(votesOn(pollId)).hasSize(2);
        io.restassured.RestAssured.given().get("/q/health/ready").then().statusCode(200);
    }

    @Test
    void votingFailsOpenWithoutTheDenyListButALogoutIsNeverAnsweredDoneWithoutItsDenialStored() {
        String pollId = IngestFixture.openPoll(polls);
        String token = IngestFixture.sessionToken("uma-" + UUID.randomUUID(), "s-" + UUID.randomUUID());

        VoteSubmissionIT.vote(pollId, token, body("a")).then().statusCode(202);
        io.restassured.response.Response logout = io.restassured.RestAssured.given()
                .header("Authorization", "Bearer " + token).post("/api/v1/sessions/logout");
        VoteSubmissionIT.assertProblem(logout, 503, "unavailable");
        assertThat(logout.header("Retry-After")).isNotBlank();
    }
}
