package votes.ingest.bot;

import java.time.Instant;

/**
 * The Redis keys of one vote's {@link History} and how long they live. Every key is window-bounded and names a
 * keyed hash (user agent, address) or a token's issue second, never a raw client fact.
 *
 * @param arrivalsKept how many arrival times the address's list keeps (the regularity needs a few, not all)
 * @param tokenBatch   the second the vote's token was issued in (its batch), or null: a token without an issue time
 * @param options      the option tallies the prefix-option skew reads and the settle script counts
 */
public record HistoryKeys(String userAgentKey, String arrivalsKey, String mintKey, int arrivalsKept,
                          long windowMillis, long mintTtlMillis, Instant tokenBatch, OptionKeys options) {

    /**
     * The poll's and the vote's prefix's option tallies (Redis hashes option → accepted votes, {@code *} → all), the
     * vote's option, and how long a tally lives after its last vote.
     */
    public record OptionKeys(String pollKey, String prefixKey, String optionId, long ttlMillis) {
    }

    /** The batch a token belongs to: the second it was issued in. */
    public static Instant batchOf(Instant tokenIssuedAt) {
        return Instant.ofEpochSecond(tokenIssuedAt.getEpochSecond());
    }
}
