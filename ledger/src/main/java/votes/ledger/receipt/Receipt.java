package votes.ledger.receipt;

import votes.proofs.receipt.ReceiptView;
import votes.proofs.merkle.ReceiptChain;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import votes.proofs.merkle.LedgerLeaf;

/**
 * Where a vote stands, found in the ledger or in Redis, with the voter it belongs to.
 *
 * @param leaf the vote as a leaf of its partition's Merkle log; null unless recorded or voided (and recorded after V3)
 * @param leafIndex the leaf's index in that log, or null
 */
public record Receipt(UUID receiptId, String pollId, String optionId, String voterId, Status status, String reason,
                      Instant acceptedAt, Instant recordedAt, LedgerLeaf leaf, Long leafIndex) {

    public enum Status {
        ACCEPTED, RECORDED, REJECTED,
        /** Recorded, then voided by a confirmed fraud flag: the row and its leaf stay, the reason is the void's. */
        VOIDED
    }

    /** Without entry and chain: not recorded, or recorded before the Merkle log existed. */
    public ReceiptView view() {
        return new ReceiptView(receiptId, pollId, optionId, status.name().toLowerCase(java.util.Locale.ROOT), reason,
                acceptedAt, recordedAt, null, null);
    }

    /** @param chain the proof against the latest checkpoint, or null while no checkpoint covers the leaf yet */
    public ReceiptView view(ReceiptChain chain) {
        return new ReceiptView(receiptId, pollId, optionId, status.name().toLowerCase(java.util.Locale.ROOT), reason,
                acceptedAt, recordedAt, leaf, Optional.ofNullable(chain));
    }
}
