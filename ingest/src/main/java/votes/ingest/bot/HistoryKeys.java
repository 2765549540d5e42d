package votes.ingest.bot;

/**
 * The Redis keys of one vote's {@link History} and how long they live. Every key is window-bounded and names a
 * keyed hash (user agent, address) or a token's issue second, never a raw client fact.
 *
 * @param arrivalsKept how many arrival times the address's list keeps (the regularity needs a few, not all)
 */
public record HistoryKeys(String userAgentKey, String arrivalsKey, String mintKey, int arrivalsKept,
                          long windowMillis, long mintTtlMillis) {

    /** The mint key of a token without an issue time: its count is every such vote's, not a batch's. */
    static final String NO_ISSUE_TIME = "bot:mint:0";

    /** Whether the vote's token names its issue second, so its votes form a batch to watch. */
    public boolean batched() {
        return !NO_ISSUE_TIME.equals(mintKey);
    }
}
