package votes.ingest.bot;

import java.time.Instant;

/**
 * The Redis keys of one vote's {@link History} and how long they live. Every key is window-bounded and names a
 * keyed hash (user agent, address) or a token's issue second, never a raw client fact.
 *
 * @param arrivalsKept how many arrival times the address's list keeps (the regularity needs a few, not all)
 * @param tokenBatch   the second the vote's token was issued in (its batch), or null: a token without an issue time
 */
public record HistoryKeys(String userAgentKey, String arrivalsKey, String mintKey, int arrivalsKept,
                          long windowMillis, long mintTtlMillis, Instant tokenBatch) {

    /** The batch a token belongs to: the second it was issued in. */
    public static Instant batchOf(Instant tokenIssuedAt) {
        return Instant.ofEpochSecond(tokenIssuedAt.getEpochSecond());
    }
}
