package votes.ingest.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.vertx.mutiny.redis.client.Redis;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import votes.ingest.abuse.Challenge;
import votes.ingest.fastpath.RedisKeys;
import votes.ingest.overload.Shedding;
import votes.ingest.poll.PollCache;
import votes.ingest.vote.BeforeTheLog;
import votes.ingest.vote.SubmitVote;
import votes.ingest.vote.VoteCommand;
import votes.ingest.warmup.WarmUp;
import votes.ingest.warmup.WarmUpVotes;

/**
 * With every vote asked for proof of work up front ({@code vote.abuse.challenge=always}: an incident's setting), the
 * warm-up's votes still run the path a solved vote takes: each is challenged, its wrong answer checked, and then it
 * goes on through the fast path to the poll lookup ("poll not found", where it ended at the challenge before), and
 * stores nothing. The way past the proof takes no vote but the warm-up's. A real vote is still challenged,
 * and accepted with its proof.
 */
@QuarkusTest
@TestProfile(WarmUpWithEveryVoteChallengedIT.EveryVoteChallenged.class)
@WithTestResource(IngestStackResource.class)
class WarmUpWithEveryVoteChallengedIT {

    private static final int VOTES = 100;

    public static class EveryVoteChallenged implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // The suite turns the warm-up off (the root pom's Failsafe env): its votes on here, its requests not (they
            // stop at the token check, before any challenge). 8 bits: this test's own vote is solved at once.
            return Map.of("vote.warm-up.votes", Integer.toString(VOTES), "vote.warm-up.requests", "0",
                    "vote.warm-up.in-flight-per-loop", "4", "quarkus.vertx.event-loops-pool-size", "2",
                    "vote.abuse.challenge", "always", "vote.abuse.challenge-difficulty", "8");
        }
    }

    @Inject
    WarmUp warmUp;

    @Inject
    SubmitVote submitVote;

    @Inject
    Shedding shedding;

    @Inject
    Redis redis;

    @Inject
    PollCache polls;

    @Test
    void theWarmUpsVotesGoPastTheChallengeToThePollLookupAndStoreNothing() {
        await().atMost(IngestFixture.PATIENCE).until(warmUp::finished);
        assertThat(warmUp.votesRun()).isEqualTo(VOTES);
        assertThat(warmUp.outcomes()).as("how the warm-up's votes ended").isEqualTo(Map.of("PollNotFound", (long) VOTES));
        assertThat(IngestFixture.votesOn(WarmUpVotes.POLL_ID)).as("the log").isEmpty();
        for (int i : new int[] {0, VOTES - 1}) {
            assertThat(IngestFixture.redisGet(redis, RedisKeys.votedIn(WarmUpVotes.voterId(i), WarmUpVotes.POLL_ID)))
                    .as("vote %d's slot, released", i).isNull();
        }
    }

    @Test
    void noVoteButTheWarmUpsGoesWithoutItsProof() {
        String pollId = IngestFixture.openPoll(polls);
        VoteCommand real = new VoteCommand(pollId, "voter-without-proof", null, "a", null, null, "203.0.113.9",
                "curl/8", null, null, "en", null, Instant.now(), List.of());

        assertThatThrownBy(() -> submitVote.submitWithoutProof(real, shedding.deadlineFrom(System.nanoTime()),
                BeforeTheLog.UNCOUNTED).await().indefinitely()).isInstanceOf(IllegalArgumentException.class);
        assertThat(IngestFixture.votesOn(pollId)).as("the log").isEmpty();
    }

    @Test
    void aRealVoteIsChallengedAndAcceptedWithItsProof() {
        String pollId = IngestFixture.openPoll(polls);
        String token = IngestFixture.token("after-the-warm-up");
        String address = BotDefenseIT.freshAddress();

        Response challenged = BotDefenseIT.browser(token, address).post("/api/v1/polls/{pollId}/votes", pollId);
        Challenge challenge = BotDefenseIT.challengeOf(challenged);
        Response solved = BotDefenseIT.solving(BotDefenseIT.browser(token, address), challenge)
                .post("/api/v1/polls/{pollId}/votes", pollId);

        assertThat(solved.statusCode()).as(solved.asString()).isEqualTo(202);
        assertThat(IngestFixture.votesOn(pollId)).hasSize(1);
    }
}
