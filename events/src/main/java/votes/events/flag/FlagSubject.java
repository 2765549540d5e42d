package votes.events.flag;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;

/**
 * Who a flag points at: the unit an admin reviews. A bot farm shows as one address prefix, one device or one
 * voter; reviewing the group instead of each vote is what makes review possible at a TV final's volume.
 */
public enum FlagSubject {
    /** The /24 (IPv4) or /56 (IPv6) the votes came from, as a keyed hash. */
    PREFIX("prefix"),
    /** The device id (or, without one, the address's device key), as a keyed hash. */
    DEVICE("device"),
    /** The pseudonymous voter id (its tokens, not its network, look automated). */
    VOTER("voter"),
    /**
     * The second a batch of voters' tokens was issued in (ISO-8601, UTC): accounts minted together by a script. One
     * group for the whole batch, where per-voter flags would make an admin review each account alone.
     */
    TOKEN_BATCH("token-batch");

    private final String slug;

    FlagSubject(String slug) {
        this.slug = slug;
    }

    @JsonValue
    public String slug() {
        return slug;
    }

    @JsonCreator
    public static FlagSubject ofSlug(String slug) {
        return Arrays.stream(values()).filter(kind -> kind.slug.equals(slug)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no flag subject " + slug));
    }
}
