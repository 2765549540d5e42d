package votes.projections.streams;

import io.micrometer.core.instrument.Metrics;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.LongSupplier;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.jboss.logging.Logger;
import votes.projections.tally.TopologyProducer.ProjectionsConfig;

/**
 * What a stream thread's uncaught exception does. With no handler, Kafka Streams shuts the whole client down: the
 * process stays up, and every tally stops moving for good until someone restarts it. A thread that died of a passing
 * fault (a broker killed mid-transaction) is replaced instead (Quarkus hands this bean to Kafka Streams before it
 * starts): the new thread rejoins the group, its tasks restore their stores from the changelogs (exactly_once_v2
 * wipes uncommitted state) and resume from the last committed offsets, so no delta is lost or applied twice. A fault
 * that keeps killing threads is not passing: past {@code max} replacements within {@code window} the client is shut
 * down, Quarkus' liveness check goes DOWN, and the supervisor starts a fresh process.
 */
@Singleton
public class StreamThreadReplacement implements StreamsUncaughtExceptionHandler {

    private static final Logger LOG = Logger.getLogger(StreamThreadReplacement.class);

    private final int max;
    private final long windowNanos;
    private final LongSupplier nanoClock;
    private final Deque<Long> replacedAt = new ArrayDeque<>();

    @Inject
    public StreamThreadReplacement(ProjectionsConfig config) {
        this(config.threadReplacements().max(), config.threadReplacements().window(), System::nanoTime);
    }

    StreamThreadReplacement(int max, Duration window, LongSupplier nanoClock) {
        this.max = max;
        this.windowNanos = window.toNanos();
        this.nanoClock = nanoClock;
    }

    @Override
    public synchronized StreamThreadExceptionResponse handle(Throwable exception) {
        long now = nanoClock.getAsLong();
        while (!replacedAt.isEmpty() && now - replacedAt.peekFirst() >= windowNanos) {
            replacedAt.removeFirst();
        }
        if (replacedAt.size() < max) {
            replacedAt.addLast(now);
            Metrics.counter("projections_stream_threads_replaced_total").increment();
            LOG.errorf(exception, "a stream thread died; replacing it (%d of %d replacements within %s)",
                    replacedAt.size(), max, Duration.ofNanos(windowNanos));
            return StreamThreadExceptionResponse.REPLACE_THREAD;
        }
        LOG.errorf(exception, "a stream thread died, the %d replacements within %s are spent: shutting Kafka Streams"
                + " down (liveness DOWN, the tallies stop until the process is restarted)", max,
                Duration.ofNanos(windowNanos));
        return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
    }
}
