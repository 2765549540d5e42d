package votes.ledger.vote;

import votes.events.vote.VoteSubmitted;
import votes.ledger.merkle.LeafSource;

/**
 * A decoded vote with where it sits in the log; the position is stored with the verdict for audits.
 *
 * @param traceparent the record's sampled W3C traceparent ({@code votes.kit.trace.Traceparent}), else null
 */
public record LedgerEntry(VoteSubmitted vote, int partition, long offset, String traceparent)
        implements BatchRecord, LeafSource {

    /** A vote no sampled trace follows. */
    public LedgerEntry(VoteSubmitted vote, int partition, long offset) {
        this(vote, partition, offset, null);
    }
}
