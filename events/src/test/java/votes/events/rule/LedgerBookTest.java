package votes.events.rule;

import static org.assertj.core.api.Assertions.assertThat;
import static votes.events.rule.LedgerRuleTest.OPENS;
import static votes.events.rule.LedgerRuleTest.POLL;
import static votes.events.rule.LedgerRuleTest.vote;

import org.junit.jupiter.api.Test;
import votes.events.vote.VoteSubmitted;

class LedgerBookTest {

    private final LedgerBook book = new LedgerBook(id -> id.equals("p1") ? POLL : null);

    @Test
    void firstValidVoteInLogOrderWinsAndLaterOnesAreDuplicates() {
        VoteSubmitted first = vote("v1", "a", OPENS.plusSeconds(1));
        VoteSubmitted second = vote("v1", "b", OPENS.plusSeconds(2));
        assertThat(book.apply(first)).isEqualTo(Decision.RECORD);
        assertThat(book.apply(second)).isEqualTo(Decision.reject(RejectionReason.DUPLICATE));
        assertThat(book.recordedEvent("p1", "v1")).isEqualTo(first.eventId());
    }

    @Test
    void aRejectedVoteDoesNotTakeTheVotersPlace() {
        assertThat(book.apply(vote("v1", "z", OPENS.plusSeconds(1))))
                .isEqualTo(Decision.reject(RejectionReason.UNKNOWN_OPTION));
        assertThat(book.apply(vote("v1", "a", OPENS.plusSeconds(2)))).isEqualTo(Decision.RECORD);
    }

    @Test
    void rememberedRowsFromTheDatabaseMakeRedeliveriesNoOps() {
        VoteSubmitted recorded = vote("v1", "a", OPENS.plusSeconds(1));
        book.remember("p1", "v1", recorded.eventId());
        assertThat(book.apply(recorded)).isEqualTo(Decision.ALREADY_RECORDED);
        assertThat(book.apply(vote("v1", "a", OPENS.plusSeconds(3))))
                .isEqualTo(Decision.reject(RejectionReason.DUPLICATE));
        assertThat(book.recordedCount()).isEqualTo(1);
    }

    @Test
    void votersAreCountedPerPoll() {
        LedgerBook twoPolls = new LedgerBook(id -> new votes.events.poll.Poll(id, "t", POLL.options(), OPENS,
                null, null, OPENS));
        VoteSubmitted inP1 = vote("v1", "a", OPENS.plusSeconds(1));
        VoteSubmitted inP2 = VoteSubmitted.of(votes.events.id.EventIds.next(), "p2", "v1", "a",
                OPENS.plusSeconds(1), null, null);
        assertThat(twoPolls.apply(inP1)).isEqualTo(Decision.RECORD);
        assertThat(twoPolls.apply(inP2)).isEqualTo(Decision.RECORD);
    }

    @Test
    void anEventIdAlreadyRecordedUnderAnotherVoterIsANoOpNotASecondRecord() {
        VoteSubmitted recorded = vote("v1", "a", OPENS.plusSeconds(1));
        assertThat(book.apply(recorded)).isEqualTo(Decision.RECORD);
        VoteSubmitted reused = VoteSubmitted.of(recorded.eventId(), "p1", "v2", "b", OPENS.plusSeconds(2), null, null);
        assertThat(book.apply(reused)).isEqualTo(Decision.ALREADY_RECORDED);
        assertThat(book.recordedEvent("p1", "v2")).isNull();

        LedgerBook fromRows = new LedgerBook(id -> id.equals("p1") ? POLL : null);
        fromRows.remember("p1", "v1", recorded.eventId());
        assertThat(fromRows.apply(reused)).isEqualTo(Decision.ALREADY_RECORDED);
    }

    @Test
    void poisonWithAnEventIdIsAMalformedRejectionUnlessThatEventIsRecorded() {
        VoteSubmitted recorded = vote("v1", "a", OPENS.plusSeconds(1));
        assertThat(book.applyPoison(recorded.eventId())).isEqualTo(Decision.reject(RejectionReason.MALFORMED));
        assertThat(book.apply(recorded)).isEqualTo(Decision.RECORD);
        assertThat(book.applyPoison(recorded.eventId())).isEqualTo(Decision.ALREADY_RECORDED);
        assertThat(book.recordedCount()).isEqualTo(1);
    }
}
