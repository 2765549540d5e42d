package votes.events.receipt;

import java.time.Instant;
import java.util.UUID;

/**
 * A receipt ingest issued that the ledger may not have decided yet: the value of Redis {@code receipt:<id>},
 * written by ingest after Kafka's ack, read by the ledger to answer "accepted" until the vote is recorded. The
 * voter id lets the ledger show it to its owner only.
 */
public record PendingReceipt(UUID receiptId, String pollId, String optionId, String voterId, Instant acceptedAt) {

    private static final String KEY_PREFIX = "receipt:";

    /** What ingest leaves for the ledger once the vote is on the log: the receipt and whose it is. */
    public static PendingReceipt of(AcceptedReceipt accepted, String voterId) {
        return new PendingReceipt(accepted.receiptId(), accepted.pollId(), accepted.optionId(), voterId,
                accepted.acceptedAt());
    }

    /** The Redis key of the receipt. Not hash-tagged by voter: the ledger finds it by receipt id alone. */
    public static String key(UUID receiptId) {
        return KEY_PREFIX + receiptId;
    }

    public String key() {
        return key(receiptId);
    }
}
