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
import votes.infra.test.VoteStackExtension;
import votes.system.LedgerDatabase;
import votes.system.VotesApi.Reply;
import votes.system.VotesApi;

/** Invariant 2: at most one recorded vote per (poll, voter), whatever the client does. */
class OneVotePerVoterIT {

    @RegisterExtension
    static final VoteStackExtension STACK = new VoteStackExtension();


    static VotesApi api;
    static LedgerDatabase ledger;
    static String pollId;

    @BeforeAll
    static void openAPoll() {
        api = new VotesApi(STACK.url());
        ledger = new LedgerDatabase(STACK.stack());
        pollId = api.createPoll(STACK.token("admin-1", "admin"), "Once", "a", "b", "c");
        // A freshly started ingest runs its first burst in the interpreter: 50 votes at once then overran its
        // request deadline (503 overloaded, as designed). This class is about uniqueness, not cold starts.
        for (int i = 0; i < 20; i++) {
            assertThat(api.vote(STACK.token("warm-up-" + i), pollId, "c").status()).isEqualTo(202);
        }
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
        await().atMost(Duration.ofSeconds(10)).until(() -> ledger.recordedVotes(pollId, STACK.voterIds().of("dave")) == 1);
    }

    @Test
    void fiftyConcurrentSubmissionsOfOneVoterGetOne202AndFortyNine409sNamingItsReceiptAndRecordExactlyOne() {
        String token = STACK.token("erin");
        String ownPoll = api.createPoll(STACK.token("admin-1", "admin"), "Double clicks", "a", "b", "c");
        List<CompletableFuture<Reply>> inFlight = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            inFlight.add(api.voteAsync(token, ownPoll, i % 2 == 0 ? "a" : "b"));
        }
        List<Reply> replies = inFlight.stream().map(CompletableFuture::join).toList();

        // Ingest reserves the voter's slot before the append: one attempt reaches the log, the others learn its receipt.
        List<Reply> accepted = replies.stream().filter(r -> r.status() == 202).toList();
        assertThat(accepted).as(replies.stream().map(Reply::body).toList().toString()).hasSize(1);
        String receiptId = accepted.get(0).json().get("receiptId").asText();
        assertThat(replies.stream().filter(r -> r.status() != 202).toList()).hasSize(49).allSatisfy(r -> {
            assertThat(r.status()).isEqualTo(409);
            assertThat(r.header("Content-Type")).startsWith("application/problem+json");
            assertThat(r.json().get("type").asText()).endsWith("/duplicate-vote");
            assertThat(r.json().get("existingReceiptId").asText()).isEqualTo(receiptId);
        });

        // End to end: that receipt is the one vote recorded, and the ledger never saw a duplicate to reject.
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100)).until(() ->
                ledger.recordedAmong(List.of(UUID.fromString(receiptId))) == 1);
        assertThat(ledger.recordedVotes(ownPoll, STACK.voterIds().of("erin"))).isEqualTo(1);
        assertThat(ledger.rejections(ownPoll)).isZero();
        Reply receipt = api.receipt(token, receiptId);
        assertThat(receipt.status()).isEqualTo(200);
        assertThat(receipt.json().get("status").asText()).isEqualTo("recorded");
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
        await().atMost(Duration.ofSeconds(10)).until(() -> ledger.recordedVotes(ownPoll, STACK.voterIds().of("frank")) == 1);
        assertThat(ledger.rejections(ownPoll)).isZero();
    }
}
