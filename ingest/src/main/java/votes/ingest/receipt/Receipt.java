package votes.ingest.receipt;

import java.time.Instant;
import java.util.UUID;
import votes.events.receipt.AcceptedReceipt;
import votes.events.receipt.PendingReceipt;

/**
 * What a voter holds after a {@code 202}: the receipt id is the event id of the appended vote, so the
 * ledger, the log and the voter name the same thing. Its wire forms are the contract's
 * ({@link AcceptedReceipt}, {@link PendingReceipt}).
 */
public record Receipt(UUID receiptId, String pollId, String optionId, Instant acceptedAt) {

    public static Receipt of(AcceptedReceipt accepted) {
        return new Receipt(accepted.receiptId(), accepted.pollId(), accepted.optionId(), accepted.acceptedAt());
    }

    /** The 202 body, and the value of the voter's slot in the poll. */
    public AcceptedReceipt body() {
        return AcceptedReceipt.of(receiptId, pollId, optionId, acceptedAt);
    }

    /** The {@code receipt:<id>} value the ledger reads: the voter id lets it check ownership. */
    public PendingReceipt pending(String voterId) {
        return new PendingReceipt(receiptId, pollId, optionId, voterId, acceptedAt);
    }

    public String location() {
        return "/api/v1/receipts/" + receiptId;
    }
}
