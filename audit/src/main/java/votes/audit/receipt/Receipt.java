package votes.audit.receipt;

import java.util.List;
import votes.events.checkpoint.SignedCheckpoint;
import votes.events.merkle.LedgerLeaf;

/**
 * What {@code GET /api/v1/receipts/{id}} answers for a recorded vote, reduced to what a proof needs; the member
 * names are the API's, so the JSON maps onto it as it is.
 *
 * @param entry the ledger entry (null when not recorded)
 * @param chain the inclusion proof and its checkpoint (null while no checkpoint covers the vote)
 */
public record Receipt(String receiptId, String status, String reason, LedgerLeaf entry, Chain chain) {

    /** The receipt's {@code chain} member. */
    public record Chain(int log, long leafIndex, long treeSize, String leafHash, List<String> inclusionProof,
                        SignedCheckpoint checkpoint) {

        public Chain {
            // An absent path proves nothing (it would need a one-leaf tree); List.copyOf refuses a null hash.
            inclusionProof = inclusionProof == null ? List.of() : List.copyOf(inclusionProof);
        }
    }
}
