package votes.ingest.bot;

import java.util.List;

/**
 * What Redis remembers for the bot score, read and updated in the fast path's one round trip (check.lua), this vote
 * included: votes with this user agent in the window, votes whose token was minted in the same second, and the
 * address's last arrival times (epoch ms, newest first).
 */
public record History(long userAgentCount, long mintCount, List<Long> arrivals) {

    public History {
        arrivals = List.copyOf(arrivals);
    }

    /** Redis could not be asked (or the adaptive defence is off): nothing is known, nothing looks suspicious. */
    public static final History NONE = new History(0, 0, List.of());
}
