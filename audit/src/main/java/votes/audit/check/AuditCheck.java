package votes.audit.check;

import java.util.List;
import votes.audit.ledger.RejectionRow;
import votes.audit.ledger.VoidRow;
import votes.audit.ledger.VoteRow;
import votes.audit.replay.Expected;

/**
 * One numbered item of the ledger's checklist. The ledger's rows stream through every item once, in (partition,
 * leaf/offset) order, each item keeping only what it needs; then each gives its verdict on the whole evidence.
 * Adding an item means adding a class here and listing it in {@link LedgerAudit}.
 */
public sealed interface AuditCheck permits EveryEventJudged, RecordedAsRuled, RejectedAsRuled, NoOrphanRows,
        NeverBothVerdicts, PollsAsFolded, VotersOnce, TalliesAgree, PublishedTalliesAgree, MerkleLogsAgree,
        CheckpointsAgree, KeyedByPollAndVoter, PoisonDeadLettered, VoidsApplied {

    /** The ledger's {@code vote_voids} rows (of the audited polls), before any vote row; null before V9. */
    default void voids(List<VoidRow> rows) {
    }

    /** A {@code votes} row below the replay's end offsets, of any poll: the Merkle logs cover every poll. */
    default void anyVote(VoteRow row) {
    }

    /**
     * A {@code votes} row of an audited poll below the replay's end offsets.
     *
     * @param expected the replay's verdict for the row's event, null when the log has no such event
     */
    default void vote(VoteRow row, Expected expected) {
    }

    /** A {@code rejections} row, like {@link #vote}; the event is marked seen as rejected after every item saw it. */
    default void rejection(RejectionRow row, Expected expected) {
    }

    /** The item's verdict once every row went through. */
    Check verdict(Evidence evidence);
}
