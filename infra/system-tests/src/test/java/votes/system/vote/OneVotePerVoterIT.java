package votes.system.vote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import votes.events.key.VoterIds;
import votes.infra.test.VoteStackExtension;
import votes.system.LedgerDatabase;
import votes.system.VotesApi;
import votes.system.VotesApi.Reply;

/** Invariant 2: at most one recorded vote per (poll, voter), whatever the client does. */
class OneVotePerVoterIT {

    @RegisterExtension
    static final VoteStackExtension STACK = new VoteStackExtension();

    static final VoterIds VOTER_IDS = new VoterIds(System.getProperty("vote.voterIdKey", "dev-voter-id-key-change-me"));

    static VotesApi api;
    static LedgerDatabase ledger;
    static String pollId;

    @BeforeAll
    static void openAPoll() {
        api = new VotesApi(STACK.url());
        ledger = new LedgerDatabase(STACK.jdbcUrl());
        pollId = api.createPoll(STACK.token("admin-1", "admin"), "Once", "a", "b", "c");
    }

    @Test
    void secondVoteOfTheSameVoterIsRefusedWithTheExistingReceipt() {
        String token = STACK.token("dave");
        String first = api.vote(token, pollId, "a").json().get("receiptId").asText();

        Reply again = api.vote(token, pollId, "b");

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.header("Content-Type")).startsWith("application/problem+json");
        assertThat(again.json().get("type").asText()).endsWith("/duplicate-vote");
        assertThat(again.json().get("existingReceiptId").asText()).isEqualTo(first);
        await().atMost(Duration.ofSeconds(10)).until(() -> ledger.recordedVotes(pollId, VOTER_IDS.of("dave")) == 1);
    }

    @Test
    void fiftyConcurrentSubmissionsOfOneVoterRecordExactlyOne() {
        String token = STACK.token("erin");
        List<CompletableFuture<Reply>> inFlight = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            inFlight.add(api.voteAsync(token, pollId, i % 2 == 0 ? "a" : "b"));
        }
        List<Reply> replies = inFlight.stream().map(CompletableFuture::join).toList();

        List<UUID> accepted = replies.stream().filter(r -> r.status() == 202)
                .map(r -> UUID.fromString(r.json().get("receiptId").asText())).toList();
        assertThat(replies).allSatisfy(r -> assertThat(r.status()).isIn(202, 409));
        assertThat(accepted).isNotEmpty();

        // Every accepted submission is settled: exactly one recorded, the rest rejected as duplicates.
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100)).until(() ->
                ledger.recordedAmong(accepted) + ledger.rejectedAmong(accepted) == accepted.size());
        assertThat(ledger.recordedAmong(accepted)).isEqualTo(1);
        assertThat(ledger.recordedVotes(pollId, VOTER_IDS.of("erin"))).isEqualTo(1);
    }

    @Test
    void retryWithTheSameIdempotencyKeyGetsTheSameReceiptAndRecordsOnce() {
        String token = STACK.token("frank");
        String ownPoll = api.createPoll(STACK.token("admin-1", "admin"), "Retries", "a", "b", "c");
        Reply first = api.vote(token, ownPoll, "c", "retry-key-1");
        Reply retry = api.vote(token, ownPoll, "c", "retry-key-1");

        assertThat(first.status()).isEqualTo(202);
        assertThat(retry.status()).isEqualTo(202);
        assertThat(retry.json().get("receiptId").asText()).isEqualTo(first.json().get("receiptId").asText());
        await().atMost(Duration.ofSeconds(10)).until(() -> ledger.recordedVotes(ownPoll, VOTER_IDS.of("frank")) == 1);
        assertThat(ledger.rejections(ownPoll)).isZero();
    }
}
