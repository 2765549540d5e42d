package votes.ledger.relay.queue;

import io.debezium.connector.base.QueueProvider;
import io.debezium.connector.base.QueueProviderService;
import io.debezium.connector.postgresql.PostgresConnectorTask;
import io.debezium.service.spi.ServiceRegistry;
import java.util.List;
import org.apache.kafka.connect.source.SourceRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Debezium's PostgreSQL task, which waits for a row before it polls. Debezium's poll ({@code ChangeEventQueue.poll})
 * gathers rows for {@code poll.interval.ms} and returns, rows or not, and the engine calls it again at once: an idle
 * relay ran a poll interval after poll interval that handed over nothing (its engine thread ~40 runs a second at 50
 * ms). This task first waits on {@link PacedMemoryQueue#awaitRows} until a row is queued, at most {@link #IDLE_MILLIS},
 * and then polls as Debezium does. A row after a quiet spell thus leaves one poll interval after it arrived, where it
 * used to leave at the end of the interval in progress (half an interval on average); the worst case is the same.
 *
 * <p>What runs between polls still runs at least every {@link #IDLE_MILLIS}: the LSN confirmation the engine asks for
 * after its offsets flush (once a second, {@code offset.flush.interval.ms}) is made at the start of the next poll, and
 * a failure of the WAL reader surfaces from the poll. Any other queue provider is polled at once, as Debezium does.
 */
public class PacedPostgresTask extends PostgresConnectorTask {

    private static final Logger LOG = LoggerFactory.getLogger(PacedPostgresTask.class);

    /** The longest wait for a row: the engine's offset flush interval, so its LSN confirmation is not held back. */
    static final long IDLE_MILLIS = 1000;

    private volatile ServiceRegistry services;
    private volatile PacedMemoryQueue<?> paced;
    private volatile boolean looked;

    @Override
    protected void registerServiceProviders(ServiceRegistry registry) {
        super.registerServiceProviders(registry);
        // A restarted task registers again, with a new queue.
        services = registry;
        paced = null;
        looked = false;
    }

    @Override
    public List<SourceRecord> doPoll() throws InterruptedException {
        PacedMemoryQueue<?> queue = pacedQueue();
        if (queue != null) {
            queue.awaitRows(IDLE_MILLIS);
        }
        return super.doPoll();
    }

    @Override
    protected void doStop() {
        PacedMemoryQueue<?> queue = paced;
        if (queue != null) {
            queue.wake();
        }
        super.doStop();
    }

    /** The queue Debezium's poll drains (the registry's one instance), or null unless it is the paced one. */
    private PacedMemoryQueue<?> pacedQueue() {
        PacedMemoryQueue<?> queue = paced;
        ServiceRegistry registry = services;
        if (queue == null && !looked && registry != null) {
            looked = true;
            QueueProviderService service = registry.tryGetService(QueueProviderService.class);
            QueueProvider<?> provider = service == null ? null : service.getQueueProvider();
            if (provider instanceof PacedMemoryQueue<?> found) {
                paced = found;
                queue = found;
                LOG.info("the task waits for a row before it polls (at most {} ms)", IDLE_MILLIS);
            } else {
                LOG.info("the task polls without waiting: the queue is {}, not {}",
                        provider == null ? "unknown" : provider.name(), PacedMemoryQueue.NAME);
            }
        }
        return queue;
    }
}
