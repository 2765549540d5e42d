package votes.events.receipt;

import java.time.Instant;
import java.util.UUID;

/**
 * A receipt as ingest hands it out: the body of its {@code 202}, and the value of the voter's slot in Redis
 * ({@code vote:{voter}:poll:<poll>}) that every ingest instance reads back to answer a retry or a second vote
 * with the same receipt. The receipt id is the event id of the appended vote, so the ledger, the log and the
 * voter name the same thing.
 */
public record AcceptedReceipt(UUID receiptId, String pollId, String optionId, String status, Instant acceptedAt) {

    public static final String STATUS = "accepted";

    public static AcceptedReceipt of(UUID receiptId, String pollId, String optionId, Instant acceptedAt) {
        return new AcceptedReceipt(receiptId, pollId, optionId, STATUS, acceptedAt);
    }

    /** Where the ledger answers for it ({@code Location} of the 202): a path, the gateway's origin serves both. */
    public String location() {
        return "/api/v1/receipts/" + receiptId;
    }
}
