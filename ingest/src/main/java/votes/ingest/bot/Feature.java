package votes.ingest.bot;

import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import votes.events.flag.FlagSubject;

/**
 * What the bot score looks at, each normalised to [0, 1] (0 = what a person looks like). The slug is the reason a
 * score gives and the key of its weight ({@code vote.bot.weights.<slug>}); the subject is whom a flag whose
 * strongest reason this is points at: network features at the address's prefix, client features at the device,
 * a token's age at the voter, a bulk mint at the token batch.
 */
public enum Feature {
    /** The address's votes in the window against its limit. */
    ADDRESS_VELOCITY("address-velocity", FlagSubject.PREFIX),
    /** The /24 or /56's votes in the window against its limit. */
    PREFIX_VELOCITY("prefix-velocity", FlagSubject.PREFIX),
    /** The gaps between the address's last arrivals are regular: people are not metronomes. */
    REGULAR_ARRIVALS("regular-arrivals", FlagSubject.PREFIX),
    /** The device's votes in the window against its limit. */
    DEVICE_VELOCITY("device-velocity", FlagSubject.DEVICE),
    /** Votes with this exact user agent in the window. */
    USER_AGENT_VELOCITY("user-agent-velocity", FlagSubject.DEVICE),
    /** A headless browser, an automation tool, an HTTP library or a crawler names itself, or no user agent at all. */
    HEADLESS_USER_AGENT("headless-user-agent", FlagSubject.DEVICE),
    /** A Chromium user agent without Sec-CH-UA, no Accept-Language: what a browser sends and a script forgets. */
    MISSING_CLIENT_HINTS("missing-client-hints", FlagSubject.DEVICE),
    /** The proof of work came back faster than a browser computes it. */
    MACHINE_SPEED_PROOF("machine-speed-proof", FlagSubject.DEVICE),
    /** The token was minted moments ago: a person logs in, reads, then votes. */
    FRESH_TOKEN("fresh-token", FlagSubject.VOTER),
    /** The address's prefix votes for this option far more than the poll does: a farm votes one way. */
    PREFIX_OPTION_SKEW("prefix-option-skew", FlagSubject.PREFIX),
    /** Many votes carry tokens minted in the same second. */
    BULK_MINTED_TOKEN("bulk-minted-token", FlagSubject.TOKEN_BATCH);

    private final String slug;
    private final FlagSubject subject;

    Feature(String slug, FlagSubject subject) {
        this.slug = slug;
        this.subject = subject;
    }

    public String slug() {
        return slug;
    }

    public FlagSubject subject() {
        return subject;
    }

    /** {@code slug=value} pairs in the enum's order: the bot score's debug line, which perf's weight fit parses. */
    static String line(Map<Feature, Double> features) {
        return features.entrySet().stream()
                .map(feature -> feature.getKey().slug() + "=" + String.format(Locale.ROOT, "%.4f", feature.getValue()))
                .collect(Collectors.joining(" "));
    }
}
