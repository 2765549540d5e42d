package votes.ingest.fastpath;

/**
 * The Redis keys only ingest reads (the ledger's {@code receipt:<id>} is the contract's
 * {@link votes.events.receipt.PendingReceipt#key}). Voter-scoped keys carry the voter id in braces so that, on a
 * Redis Cluster, all of one voter's keys share a slot and one script can touch them together.
 */
public final class RedisKeys {

    private RedisKeys() {
    }

    /** The voter's accepted vote in a poll: its presence means "already voted". */
    public static String votedIn(String voterId, String pollId) {
        return "vote:{" + voterId + "}:poll:" + pollId;
    }

    /** The receipt a voter's Idempotency-Key was answered with. */
    public static String idempotency(String voterId, String idempotencyKey) {
        return "vote:{" + voterId + "}:idem:" + idempotencyKey;
    }
}
