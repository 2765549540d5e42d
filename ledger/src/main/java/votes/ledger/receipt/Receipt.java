package votes.ledger.receipt;

import java.time.Instant;
import java.util.UUID;

/** Where a vote stands, found in the ledger or in Redis, with the voter it belongs to. */
public record Receipt(UUID receiptId, String pollId, String optionId, String voterId, Status status, String reason,
                      Instant acceptedAt, Instant recordedAt) {

    public enum Status {
        ACCEPTED, RECORDED, REJECTED
    }

    public ReceiptView view() {
        return new ReceiptView(receiptId, pollId, optionId, status.name().toLowerCase(java.util.Locale.ROOT), reason,
                acceptedAt, recordedAt);
    }
}
