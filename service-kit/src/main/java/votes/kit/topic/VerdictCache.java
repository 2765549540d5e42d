package votes.kit.topic;

import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The last verdict, asked again only once it is older than {@code maxAge}: readiness probes every few seconds
 * from every pod must not become describe requests to the broker. Tells {@code onChange} when the verdict changes
 * (and about the first one), so a weakness is logged once, not on every probe.
 */
public final class VerdictCache {

    private final Supplier<TopicVerdict> check;
    private final long maxAgeNanos;
    private final LongSupplier nanoTime;
    private final Consumer<TopicVerdict> onChange;
    private TopicVerdict last;
    private long checkedAt;

    public VerdictCache(Supplier<TopicVerdict> check, Duration maxAge, LongSupplier nanoTime,
                        Consumer<TopicVerdict> onChange) {
        this.check = check;
        this.maxAgeNanos = maxAge.toNanos();
        this.nanoTime = nanoTime;
        this.onChange = onChange;
    }

    /** Concurrent probes wait for one check rather than each starting its own. */
    public synchronized TopicVerdict get() {
        if (last == null || nanoTime.getAsLong() - checkedAt >= maxAgeNanos) {
            TopicVerdict fresh = check.get();
            checkedAt = nanoTime.getAsLong();
            if (!fresh.equals(last)) {
                onChange.accept(fresh);
            }
            last = fresh;
        }
        return last;
    }
}
