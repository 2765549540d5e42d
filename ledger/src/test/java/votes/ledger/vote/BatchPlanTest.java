package votes.ledger.vote;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import votes.events.id.EventIds;
import votes.events.poll.Poll;
import votes.events.poll.PollOption;
import votes.events.codec.VoteRecord;
import votes.events.deadletter.DeadLetterReason;
import votes.events.rule.RejectionReason;
import votes.events.vote.VoteSubmitted;

class BatchPlanTest {

    private static final Instant CREATED = Instant.parse("2026-11-21T12:00:00Z");
    private static final Poll OPEN = new Poll("p1", "Lunch?", List.of(new PollOption("a", "A"), new PollOption("b", "B")),
            null, null, null, CREATED);
    private static final Poll CLOSED = new Poll("p2", "Closed", OPEN.options(), null, null, CREATED.plusSeconds(60), CREATED);
    private static final Map<String, Poll> POLLS = Map.of("p1", OPEN, "p2", CLOSED);

    private long offset;

    @Test
    void firstVoteOfAVoterIsRecorded() {
        LedgerEntry vote = entry("p1", "alice", "a", 10);

        BatchPlan plan = BatchPlan.decide(POLLS::get, List.of(), List.of(vote));

        assertThat(plan.records()).containsExactly(vote);
        assertThat(plan.rejections()).isEmpty();
    }

    @Test
    void secondVoteOfTheSameVoterInOneBatchIsADuplicate() {
        LedgerEntry first = entry("p1", "alice", "a", 10);
        LedgerEntry second = entry("p1", "alice", "b", 11);

        BatchPlan plan = BatchPlan.decide(POLLS::get, List.of(), List.of(first, second));

        assertThat(plan.records()).containsExactly(first);
        assertThat(plan.rejections()).containsExactly(Rejection.of(second, RejectionReason.DUPLICATE));
    }

    @Test
    void voteOfAVoterAlreadyInTheLedgerIsADuplicate() {
        LedgerEntry again = entry("p1", "alice", "b", 11);

        BatchPlan plan = BatchPlan.decide(POLLS::get, List.of(new RecordedVote("p1", "alice", EventIds.next())),
                List.of(again));

        assertThat(plan.records()).isEmpty();
        assertThat(plan.rejections()).containsExactly(Rejection.of(again, RejectionReason.DUPLICATE));
    }

    @Test
    void redeliveredRecordedEventIsNeitherWrittenNorRejected() {
        LedgerEntry vote = entry("p1", "alice", "a", 10);

        BatchPlan plan = BatchPlan.decide(POLLS::get,
                List.of(new RecordedVote("p1", "alice", vote.vote().eventId())), List.of(vote));

        assertThat(plan.records()).isEmpty();
        assertThat(plan.rejections()).isEmpty();
        assertThat(plan.redeliveries()).isEqualTo(1);
    }

    @Test
    void eventTwiceInOneBatchIsRecordedOnce() {
        LedgerEntry vote = entry("p1", "alice", "a", 10);

        BatchPlan plan = BatchPlan.decide(POLLS::get, List.of(), List.of(vote, vote));

        assertThat(plan.records()).containsExactly(vote);
        assertThat(plan.rejections()).isEmpty();
        assertThat(plan.redeliveries()).isEqualTo(1);
    }

    @Test
    void refusedEventTwiceInOneBatchIsRejectedOnce() {
        LedgerEntry unknown = entry("p1", "bob", "zzz", 10);

        BatchPlan plan = BatchPlan.decide(POLLS::get, List.of(), List.of(unknown, unknown));

        assertThat(plan.rejections()).containsExactly(Rejection.of(unknown, RejectionReason.UNKNOWN_OPTION));
    }

    @Test
    void voteAfterCloseVoteForUnknownPollAndUnknownOptionAreRejectedWithTheirReason() {
        LedgerEntry late = entry("p2", "carol", "a", 61);
        LedgerEntry nowhere = entry("p9", "carol", "a", 10);
        LedgerEntry strange = entry("p1", "carol", "c", 10);

        BatchPlan plan = BatchPlan.decide(POLLS::get, List.of(), List.of(late, nowhere, strange));

        assertThat(plan.records()).isEmpty();
        assertThat(plan.rejections()).extracting(Rejection::reason).containsExactly(
                RejectionReason.POLL_NOT_OPEN, RejectionReason.POLL_NOT_FOUND, RejectionReason.UNKNOWN_OPTION);
    }

    @Test
    void voteJustBeforeCloseCountsAndOneAtCloseDoesNot() {
        LedgerEntry justBefore = entry("p2", "dave", "a", 59);
        LedgerEntry atClose = entry("p2", "erin", "a", 60);

        BatchPlan plan = BatchPlan.decide(POLLS::get, List.of(), List.of(justBefore, atClose));

        assertThat(plan.records()).containsExactly(justBefore);
        assertThat(plan.rejections()).containsExactly(Rejection.of(atClose, RejectionReason.POLL_NOT_OPEN));
    }

    private LedgerEntry entry(String pollId, String voterId, String optionId, long secondsAfterCreation) {
        VoteSubmitted vote = VoteSubmitted.of(EventIds.next(), pollId, voterId, optionId,
                CREATED.plusSeconds(secondsAfterCreation), null, null);
        return new LedgerEntry(vote, 0, offset++);
    }

    @Test
    void poisonWithAnEventIdIsRejectedMalformedKeepingWhatItCarries() {
        LedgerEntry before = entry("p1", "alice", "a", 10);
        PoisonEntry poison = poison(EventIds.next(), DeadLetterReason.MALFORMED, 11);
        LedgerEntry after = entry("p1", "bob", "b", 12);

        BatchPlan plan = BatchPlan.decide(POLLS::get, List.of(), List.of(before, poison, after));

        assertThat(plan.records()).containsExactly(before, after);
        assertThat(plan.rejections()).containsExactly(new Rejection(poison.poison().eventId(), "p1", null, "a",
                CREATED.plusSeconds(5), 0, 11, RejectionReason.MALFORMED));
    }

    @Test
    void poisonWithoutAnEventIdOrOfAnUnknownSchemaVersionWritesNothing() {
        PoisonEntry anonymous = poison(null, DeadLetterReason.UNDECODABLE, 10);
        PoisonEntry newer = poison(EventIds.next(), DeadLetterReason.UNKNOWN_SCHEMA_VERSION, 11);

        BatchPlan plan = BatchPlan.decide(POLLS::get, List.of(), List.of(anonymous, newer));

        assertThat(plan.records()).isEmpty();
        assertThat(plan.rejections()).isEmpty();
        assertThat(plan.redeliveries()).isZero();
    }

    @Test
    void poisonReusingARecordedEventIdIsANoOp() {
        LedgerEntry recorded = entry("p1", "alice", "a", 10);
        PoisonEntry reuse = new PoisonEntry(new VoteRecord.Poison(DeadLetterReason.UNDECODABLE, "no voterId",
                recorded.vote().eventId(), "p1", null, "a", null, new byte[0]), 0, 11);

        BatchPlan plan = BatchPlan.decide(POLLS::get, List.of(), List.of(recorded, reuse));

        assertThat(plan.records()).containsExactly(recorded);
        assertThat(plan.rejections()).isEmpty();
        assertThat(plan.redeliveries()).isEqualTo(1);
    }

    private static PoisonEntry poison(java.util.UUID eventId, DeadLetterReason reason, long offset) {
        return new PoisonEntry(new VoteRecord.Poison(reason, "test", eventId, "p1", null, "a", CREATED.plusSeconds(5),
                new byte[0]), 0, offset);
    }
}
