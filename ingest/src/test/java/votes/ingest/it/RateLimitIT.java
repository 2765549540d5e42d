package votes.ingest.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static votes.ingest.it.IngestFixture.body;
import static votes.ingest.it.IngestFixture.token;
import static votes.ingest.it.IngestFixture.votesOn;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.vertx.mutiny.redis.client.Redis;
import jakarta.inject.Inject;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import votes.ingest.poll.PollCache;

@QuarkusTest
@TestProfile(AbuseProfiles.Tight.class)
@WithTestResource(IngestStackResource.class)
class RateLimitIT {

    @Inject
    PollCache polls;

    @Inject
    Redis redis;

    private String openPoll() {
        return IngestFixture.openPoll(polls);
    }

    private static Response vote(String pollId, String token, String address, String device) {
        var request = given().header("Authorization", "Bearer " + token).header("X-Forwarded-For", address)
                .contentType("application/json").body(body("a"));
        if (device != null) {
            request.header("X-Device-Id", device);
        }
        return request.post("/api/v1/polls/{pollId}/votes", pollId);
    }

    @Test
    void aVoterPastTheLimitIsRateLimitedWithRetryAfterAndDuplicatesCostNothing() {
        String token = token("pete-" + UUID.randomUUID());
        String address = "10.1.0." + (1 + (int) (Math.random() * 200));
        String first = openPoll();
        assertThat(vote(first, token, address, null).statusCode()).isEqualTo(202);
        // Duplicates change nothing and take no token: the voter still has two for other polls.
        assertThat(vote(first, token, address, null).statusCode()).isEqualTo(409);
        assertThat(vote(first, token, address, null).statusCode()).isEqualTo(409);
        assertThat(vote(openPoll(), token, address, null).statusCode()).isEqualTo(202);
        assertThat(vote(openPoll(), token, address, null).statusCode()).isEqualTo(202);
        String fourth = openPoll();

        Response limited = vote(fourth, token, address, null);

        VoteSubmissionIT.assertProblem(limited, 429, "rate-limited");
        assertThat(limited.jsonPath().getString("key")).isEqualTo("voter");
        // 3 tokens, one back every 20 s: the wait is at most one interval.
        assertThat(Integer.parseInt(limited.header("Retry-After"))).isBetween(1, 20);
        assertThat(votesOn(fourth)).isEmpty();
    }

    @Test
    void aDevicePastTheLimitIsRateLimitedWhoeverVotes() {
        String pollId = openPoll();
        String device = "device-" + UUID.randomUUID();
        for (int i = 0; i < 5; i++) {
            // A fresh address each time: only the device counter may trip.
            assertThat(vote(pollId, token("q" + i + "-" + UUID.randomUUID()), "10.2." + i + ".1", device).statusCode())
                    .isEqualTo(202);
        }
        VoteSubmissionIT.assertProblem(vote(pollId, token("q-last-" + UUID.randomUUID()), "10.2.9.1", device),
                429, "rate-limited");
        assertThat(votesOn(pollId)).hasSize(5);
    }

    @Test
    void aRateLimitedVoteLeavesNoReservationSoTheVoterCanVoteWithoutTheTrippedCounter() {
        String pollId = openPoll();
        String device = "device-" + UUID.randomUUID();
        for (int i = 0; i < 5; i++) {
            assertThat(vote(pollId, token("s" + i + "-" + UUID.randomUUID()), "10.4." + i + ".1", device).statusCode())
                    .isEqualTo(202);
        }
        String sub = "sid-" + UUID.randomUUID();

        VoteSubmissionIT.assertProblem(vote(pollId, token(sub), "10.4.8.1", device), 429, "rate-limited");

        assertThat(IngestFixture.redisGet(redis, IngestFixture.slotKey(sub, pollId))).isNull();
        // Only the device counter tripped: the same voter from a device of their own is not a duplicate.
        Response own = vote(pollId, token(sub), "10.4.9.1", null);
        assertThat(own.statusCode()).as(own.asString()).isEqualTo(202);
        assertThat(votesOn(pollId)).hasSize(6);
    }
}
