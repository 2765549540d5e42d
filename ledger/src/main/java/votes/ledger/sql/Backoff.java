package votes.ledger.sql;

import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
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
        AtomicInteger attempts = new AtomicInteger();
        return Uni.createFrom().<T>deferred(work)
                .onFailure().invoke(failure -> LOG.warnf("%s failed (attempt %d), retrying: %s",
                        what, attempts.incrementAndGet(), failure.toString()))
                .onFailure().retry().withBackOff(first, max).indefinitely();
    }
}
