package votes.perf.swarm;

import java.util.Arrays;

/**
 * Who casts a vote in the swarm: the human population or one bot strategy. Each is its own labelled population on the
 * same poll, so the report (and the CSV a later fit of the bot model reads) can tell them apart.
 */
public enum Strategy {
    HUMAN("human", false, false),
    /** Many voters behind one address: what the address limit is for. */
    ONE_ADDRESS("one-address", true, false),
    /** Addresses cycling inside one /24: each stays under the address limit, the prefix sees them all. */
    ROTATING_24("rotating-24", true, false),
    /** A fresh device id on every vote from a few addresses: the device limit must not be dodged that way. */
    ROTATING_DEVICES("rotating-devices", true, false),
    /** Tokens all minted in the same second and used at once, from scattered addresses (a proxy network). */
    BULK_TOKENS("bulk-tokens", true, false),
    /** HeadlessChrome / python-requests user agents, no client hints, scattered addresses. */
    HEADLESS("headless", true, false),
    /** Pays every proof of work at machine speed and resubmits, from a few addresses of one /24. */
    MACHINE_POW("machine-pow", true, false),
    /** Human-like pacing from a small pool: the slowest strategy, exempt from the bot target (it costs a farm). */
    SLOW_BOT("slow-bot", true, true);

    private final String slug;
    private final boolean bot;
    private final boolean exempt;

    Strategy(String slug, boolean bot, boolean exempt) {
        this.slug = slug;
        this.bot = bot;
        this.exempt = exempt;
    }

    public String slug() {
        return slug;
    }

    public boolean bot() {
        return bot;
    }

    /** Reported but not held to the bot target (≥ 95 % refused or flagged). */
    public boolean exempt() {
        return exempt;
    }

    public static Strategy ofSlug(String slug) {
        return Arrays.stream(values()).filter(s -> s.slug.equals(slug)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no strategy " + slug));
    }
}
