package votes.events.rule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import votes.events.id.EventIds;
import votes.events.poll.Poll;
import votes.events.poll.PollOption;
import votes.events.vote.ClientFacts;
import votes.events.vote.VoteSubmitted;

class LedgerRuleTest {

    static final Instant OPENS = Instant.parse("2026-11-21T20:00:00Z");
    static final Instant CLOSES = Instant.parse("2026-11-21T21:00:00Z");
    static final Poll POLL = new Poll("p1", "Final", List.of(new PollOption("a", "A"), new PollOption("b", "B")),
            OPENS, CLOSES, null, OPENS.minusSeconds(3600));

    static VoteSubmitted vote(String voter, String option, Instant at) {
        return VoteSubmitted.of(EventIds.next(), "p1", voter, option, at, null, ClientFacts.NONE);
    }

    @Test
    void firstVoteInsideTheWindowIsRecorded() {
        assertThat(LedgerRule.decide(POLL, null, vote("v1", "a", OPENS.plusSeconds(1)))).isEqualTo(Decision.RECORD);
    }

    @Test
    void voterWhoAlreadyVotedIsRefusedAsDuplicate() {
        assertThat(LedgerRule.decide(POLL, UUID.randomUUID(), vote("v1", "b", OPENS.plusSeconds(2))))
                .isEqualTo(Decision.reject(RejectionReason.DUPLICATE));
    }

    @Test
    void redeliveredEventOfTheRecordedVoteIsANoOpNotADuplicate() {
        VoteSubmitted vote = vote("v1", "a", OPENS.plusSeconds(1));
        assertThat(LedgerRule.decide(POLL, vote.eventId(), vote)).isEqualTo(Decision.ALREADY_RECORDED);
    }

    @Test
    void windowIncludesOpeningInstantAndExcludesClosingInstant() {
        assertThat(LedgerRule.decide(POLL, null, vote("v1", "a", OPENS))).isEqualTo(Decision.RECORD);
        assertThat(LedgerRule.decide(POLL, null, vote("v2", "a", CLOSES)))
                .isEqualTo(Decision.reject(RejectionReason.POLL_NOT_OPEN));
        assertThat(LedgerRule.decide(POLL, null, vote("v3", "a", OPENS.minusMillis(1))))
                .isEqualTo(Decision.reject(RejectionReason.POLL_NOT_OPEN));
    }

    @Test
    void voteSubmittedBeforeAnEarlyCloseCountsEvenWhenJudgedAfterIt() {
        Instant closedAt = OPENS.plusSeconds(600);
        Poll closed = POLL.evolve(votes.events.poll.PollClosed.of(EventIds.next(), "p1", closedAt));
        assertThat(LedgerRule.decide(closed, null, vote("v1", "a", closedAt.minusMillis(1)))).isEqualTo(Decision.RECORD);
        assertThat(LedgerRule.decide(closed, null, vote("v2", "a", closedAt)))
                .isEqualTo(Decision.reject(RejectionReason.POLL_NOT_OPEN));
    }

    @Test
    void unknownOptionIsRejected() {
        assertThat(LedgerRule.decide(POLL, null, vote("v1", "z", OPENS.plusSeconds(1))))
                .isEqualTo(Decision.reject(RejectionReason.UNKNOWN_OPTION));
    }

    @Test
    void voteForAPollThatDoesNotExistIsRejected() {
        assertThat(LedgerRule.decide(null, null, vote("v1", "a", OPENS)))
                .isEqualTo(Decision.reject(RejectionReason.POLL_NOT_FOUND));
    }

    @Test
    void pollWithoutBoundsIsOpenFromCreationUntilClosed() {
        Instant created = Instant.parse("2026-01-01T00:00:00Z");
        Poll open = new Poll("p2", "t", POLL.options(), null, null, null, created);
        assertThat(open.acceptsAt(created.minusMillis(1))).isFalse();
        assertThat(open.acceptsAt(created.plusSeconds(86_400 * 365))).isTrue();
    }
}
