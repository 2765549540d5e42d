package votes.perf.swarm;

import java.util.Arrays;
import java.util.Locale;

/**
 * A phase of perf/run-bots.sh, in the order it runs them: the people alone with the defence off (the reference),
 * the same kind of people alone with the defence on (what the defence itself costs them), people and the swarm with
 * the defence on; plus the unreported warm-up before each. Every phase has its own address block and voters
 * ({@link AddressPlan}) and its own draw of the plan (the seed plus its index).
 */
public enum Phase {
    BASELINE(0),
    DEFENDED(3),
    MEASURED(1),
    WARM_UP(2);

    /** Its address block and seed offset: baseline and measured keep the indices they had before defended came. */
    private final int index;

    Phase(int index) {
        this.index = index;
    }

    public int index() {
        return index;
    }

    /** As --phase and the CSV's phase column name it: "baseline", "defended", "measured", "warm-up". */
    public String slug() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Phase ofSlug(String slug) {
        return Arrays.stream(values()).filter(p -> p.slug().equals(slug)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("--phase baseline, defended or measured, not " + slug));
    }

    @Override
    public String toString() {
        return slug();
    }
}
