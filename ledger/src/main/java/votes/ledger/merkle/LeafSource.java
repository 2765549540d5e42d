package votes.ledger.merkle;

import votes.events.vote.VoteSubmitted;
import votes.proofs.merkle.LedgerLeaf;

/**
 * What a leaf is made of: a vote and where it sits in the log. The batch's entries implement it, so the logs take
 * them as they are, and this package needs nothing from the one that judges votes.
 */
public interface LeafSource {

    VoteSubmitted vote();

    int partition();

    long offset();

    /** The leaf this record becomes if it is recorded. */
    default LedgerLeaf leaf() {
        return LedgerLeaf.of(vote(), partition(), offset());
    }

    /**
     * The leaf's hash. An implementation may compute it ahead of the batch's transaction: it depends on the record
     * alone, not on the log or on what the batch records.
     */
    default byte[] leafHash() {
        return leaf().hash();
    }
}
