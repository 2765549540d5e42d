package votes.ledger.sql;

import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Retries a unit of work until it succeeds. Used where giving up would mean acknowledging Kafka records that
 * are not in the ledger (loss) or skipping them (a ledger that is no longer a function of the log).
 */
public final class Backoff {

    private static final Logger LOG = Logger.getLogger(Backoff.class);

    private Backoff() {
    }

    /**
     * @param work subscribed afresh on every attempt
     * @param what a few words for the log line of each failed attempt
     */
    public static <T> Uni<T> forever(Supplier<Uni<? extends T>> work, String what, Duration first, Duration max) {
        return forever(attempt -> work.get(), what, first, max);
    }

    /**
     * Like {@link #forever(Supplier, String, Duration, Duration)}, but tells the work which attempt it is (1 the
     * first): work that may fail on what a cheap first attempt cannot see can look harder on a retry, without
     * making every first attempt pay for it.
     *
     * @param work called afresh on every attempt with the attempt's number, 1 for the first
     */
    public static <T> Uni<T> forever(IntFunction<Uni<? extends T>> work, String what, Duration first, Duration max) {
        return untilPermanent(work, failure -> false, what, first, max);
    }

    /**
     * Like {@link #forever(IntFunction, String, Duration, Duration)}, except that a failure {@code permanent} calls
     * permanent is not retried but handed to the caller: retrying work that fails for its data would stall it for
     * ever.
     */
    public static <T> Uni<T> untilPermanent(IntFunction<Uni<? extends T>> work, Predicate<Throwable> permanent,
                                            String what, Duration first, Duration max) {
        AtomicInteger failures = new AtomicInteger();
        return Uni.createFrom().<T>deferred(() -> work.apply(failures.get() + 1))
                .onFailure().invoke(failure -> {
                    if (permanent.test(failure)) {
                        LOG.warnf("%s failed for good (attempt %d): %s", what, failures.incrementAndGet(),
                                failure.toString());
                    } else {
                        LOG.warnf("%s failed (attempt %d), retrying: %s", what, failures.incrementAndGet(),
                                failure.toString());
                    }
                })
                .onFailure(failure -> !permanent.test(failure)).retry().withBackOff(first, max).indefinitely();
    }
}
