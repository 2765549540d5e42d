package votes.ingest.receipt;

import java.time.Instant;
import java.util.UUID;

/**
 * What a voter holds after a {@code 202}: the receipt id is the event id of the appended vote, so the
 * ledger, the log and the voter name the same thing.
 */
public record Receipt(UUID receiptId, String pollId, String optionId, Instant acceptedAt) {

    /** The 202 body of API.md. */
    public Body body() {
        return new Body(receiptId, pollId, optionId, "accepted", acceptedAt);
    }

    public String location() {
        return "/api/v1/receipts/" + receiptId;
    }

    public record Body(UUID receiptId, String pollId, String optionId, String status, Instant acceptedAt) {

        public Receipt receipt() {
            return new Receipt(receiptId, pollId, optionId, acceptedAt);
        }
    }

    /** The {@code receipt:<id>} value the ledger reads (contract): the voter id lets it check ownership. */
    public record Pending(UUID receiptId, String pollId, String optionId, String voterId, Instant acceptedAt) {
    }
}
