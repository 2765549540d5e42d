package votes.audit.receipt;

import votes.proofs.merkle.LedgerLeaf;
import votes.proofs.merkle.ReceiptChain;

/**
 * What {@code GET /api/v1/receipts/{id}} answers for a recorded vote, reduced to what a proof needs; the member
 * names are the API's, so the JSON maps onto it as it is.
 *
 * @param entry the ledger entry (null when not recorded)
 * @param chain the inclusion proof and its checkpoint (null while no checkpoint covers the vote)
 */
public record Receipt(String receiptId, String status, String reason, LedgerLeaf entry, ReceiptChain chain) {
}
