package votes.system.vote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import votes.infra.test.VoteStackExtension;
import votes.system.LedgerDatabase;
import votes.system.VotesApi.Reply;
import votes.system.VotesApi;

/** The spine: a vote over HTTP ends as a recorded row in PostgreSQL, and its receipt says so. */
class VoteIsRecordedIT {

    @RegisterExtension
    static final VoteStackExtension STACK = new VoteStackExtension();

    static VotesApi api;
    static LedgerDatabase ledger;
    static String pollId;

    @BeforeAll
    static void openAPoll() {
        api = new VotesApi(STACK.url());
        ledger = new LedgerDatabase(STACK.stack());
        pollId = api.createPoll(STACK.token("admin-1", "admin"), "Recorded", "a", "b");
    }

    @Test
    void acceptedVoteIsRecordedAndItsReceiptTurnsRecorded() {
        String token = STACK.token("alice");
        Reply accepted = api.vote(token, pollId, "a");

        assertThat(accepted.status()).isEqualTo(202);
        String receiptId = accepted.json().get("receiptId").asText();
        assertThat(accepted.json().get("status").asText()).isEqualTo("accepted");
        assertThat(accepted.json().get("pollId").asText()).isEqualTo(pollId);
        assertThat(accepted.header("Location")).isEqualTo("/api/v1/receipts/" + receiptId);
        assertThat(accepted.header("X-Request-Id")).isNotBlank();

        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50)).untilAsserted(() ->
                assertThat(api.receipt(token, receiptId).json().get("status").asText()).isEqualTo("recorded"));
        Reply receipt = api.receipt(token, receiptId);
        assertThat(receipt.json().get("optionId").asText()).isEqualTo("a");
        assertThat(receipt.json().hasNonNull("recordedAt")).isTrue();
    }

    @Test
    void ledgerStoresThePseudonymousVoterIdNeverTheSubject() {
        Reply accepted = api.vote(STACK.token("bob@example.com"), pollId, "b");
        UUID eventId = UUID.fromString(accepted.json().get("receiptId").asText());

        await().atMost(Duration.ofSeconds(10)).until(() -> ledger.voterIdOf(eventId) != null);
        String voterId = ledger.voterIdOf(eventId);
        assertThat(voterId).doesNotContain("bob").hasSize(43);
        // The stack runs with its generated key; the pseudonym must be the HMAC of the subject under it.
        assertThat(voterId).isEqualTo(STACK.voterIds().of("bob@example.com"));
    }

    @Test
    void receiptIsHiddenFromOtherVotersButShownToAuditors() {
        Reply accepted = api.vote(STACK.token("carol"), pollId, "a");
        String receiptId = accepted.json().get("receiptId").asText();

        assertThat(api.receipt(STACK.token("mallory"), receiptId).status()).isEqualTo(404);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(api.receipt(STACK.token("auditor-1", "auditor"), receiptId).status()).isEqualTo(200));
    }
}
