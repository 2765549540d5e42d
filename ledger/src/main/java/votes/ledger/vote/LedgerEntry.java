package votes.ledger.vote;

import java.util.Objects;
import votes.events.vote.VoteSubmitted;
import votes.ledger.merkle.LeafSource;
import votes.proofs.merkle.LedgerLeaf;

/**
 * A decoded vote with where it sits in the log; the position is stored with the verdict for audits.
 *
 * <p>The leaf and its hash are computed when the entry is made, i.e. when the batch arrives (VoteConsumer): they
 * depend on the record alone, so that hashing overlaps the previous batch's write instead of waiting for this
 * batch's transaction (perf/RESULTS.md, issue 12 item 3). Equality is the record's four fields: the other two
 * follow from them.
 *
 * @param traceparent the record's sampled W3C traceparent ({@code votes.kit.trace.Traceparent}), else null
 * @param leaf the leaf this vote becomes if it is recorded
 * @param leafHash that leaf's hash
 */
public record LedgerEntry(VoteSubmitted vote, int partition, long offset, String traceparent, LedgerLeaf leaf,
                          byte[] leafHash) implements BatchRecord, LeafSource {

    public LedgerEntry(VoteSubmitted vote, int partition, long offset, String traceparent) {
        this(vote, partition, offset, traceparent, LedgerLeaf.of(vote, partition, offset));
    }

    private LedgerEntry(VoteSubmitted vote, int partition, long offset, String traceparent, LedgerLeaf leaf) {
        this(vote, partition, offset, traceparent, leaf, leaf.hash());
    }

    /** A vote no sampled trace follows. */
    public LedgerEntry(VoteSubmitted vote, int partition, long offset) {
        this(vote, partition, offset, null);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LedgerEntry entry && vote.equals(entry.vote) && partition == entry.partition
                && offset == entry.offset && Objects.equals(traceparent, entry.traceparent);
    }

    @Override
    public int hashCode() {
        return Objects.hash(vote, partition, offset, traceparent);
    }
}
