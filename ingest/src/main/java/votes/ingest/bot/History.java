package votes.ingest.bot;

import java.util.List;

/**
 * What Redis remembers for the bot score, read and updated in the fast path's one round trip (check.lua), this vote
 * included: votes with this user agent in the window, votes whose token was minted in the same second, the
 * address's last arrival times (epoch ms, newest first); and, from the votes accepted before this one, how its prefix
 * and the whole poll voted for its option.
 */
public record History(long userAgentCount, long mintCount, List<Long> arrivals, OptionCounts options) {

    public History {
        arrivals = List.copyOf(arrivals);
    }

    public History(long userAgentCount, long mintCount, List<Long> arrivals) {
        this(userAgentCount, mintCount, arrivals, OptionCounts.NONE);
    }

    /** Redis could not be asked (or the adaptive defence is off): nothing is known, nothing looks suspicious. */
    public static final History NONE = new History(0, 0, List.of());

    /**
     * Accepted votes of the poll so far: the vote's prefix's for its option and in all, and the whole poll's for its
     * option and in all (settle.lua counts them after each ack).
     */
    public record OptionCounts(long prefixForOption, long prefix, long pollForOption, long poll) {
        public static final OptionCounts NONE = new OptionCounts(0, 0, 0, 0);
    }
}
