package votes.ledger.relay.queue;

import static org.assertj.core.api.Assertions.assertThat;

import io.debezium.config.CommonConnectorConfig;
import io.debezium.connector.base.ChangeEventQueue;
import io.debezium.connector.base.QueueProvider;
import io.debezium.pipeline.Sizeable;
import io.debezium.util.LoggingContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import votes.ledger.relay.RelayConfig;

class PacedMemoryQueueTest {

    private static final int EMPTY_INTERVALS = 500;
    /** Longer than any test may run: a wait that ends did not end by its timeout. */
    private static final long NEVER_MILLIS = 3_600_000;

    private record Row(int id) implements Sizeable {
        @Override
        public long objectSize() {
            return Integer.BYTES;
        }
    }

    @Test
    void debeziumFindsTheQueueByTheNameRelayQueueProviderSelects() {
        Map<String, String> env = Map.of("PG_PASSWORD", "a-password", "RELAY_QUEUE_PROVIDER", PacedMemoryQueue.NAME);
        String selected = RelayConfig.load(env::get).engine().getProperty("queue.provider.type");

        List<String> names = ServiceLoader.load(QueueProvider.class).stream().map(p -> p.get().name()).toList();

        assertThat(selected).isEqualTo(PacedMemoryQueue.NAME);
        assertThat(names).contains(PacedMemoryQueue.NAME, "memory");
    }

    @Test
    void theRelayRunsThePacedQueueUnlessTold() {
        String configured = RelayConfig.load(name -> "PG_PASSWORD".equals(name) ? "a-password" : null).engine()
                .getProperty("queue.provider.type");

        assertThat(configured).as("the relay's default queue (cdc-relay.properties)").isEqualTo(PacedMemoryQueue.NAME);
    }

    @Test
    void changeEventQueueHandsOverEveryRowInOrderThroughIt() throws InterruptedException {
        ChangeEventQueue<Row> queue = queue(new PacedMemoryQueue<>());

        for (int id = 0; id < 10; id++) {
            queue.enqueue(new Row(id));
        }
        List<Row> handed = new ArrayList<>();
        while (handed.size() < 10) {
            handed.addAll(queue.poll());
        }

        assertThat(handed).extracting(Row::id).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
        assertThat(queue.poll()).as("an empty interval hands over nothing").isEmpty();
    }

    @Test
    void theEndOfAnEmptyIntervalIsParkedInsteadOfSpun() throws InterruptedException {
        List<Long> parks = new ArrayList<>();
        SpinBrake recording = new SpinBrake(SpinBrake::wallNanos, nanos -> {
            parks.add(nanos);
            LockSupport.parkNanos(nanos);
        });
        ChangeEventQueue<Row> queue = queue(new PacedMemoryQueue<>(recording));

        // Debezium spins whenever its wait returns inside the interval's last millisecond, as it nearly always does;
        // a thread descheduled past that millisecond skips one spin, so the test allows many intervals.
        for (int interval = 0; interval < EMPTY_INTERVALS && parks.isEmpty(); interval++) {
            assertThat(queue.poll()).isEmpty();
        }

        assertThat(parks).isNotEmpty().allSatisfy(nanos -> assertThat(nanos).isBetween(1L, 1_100_000L));
    }

    @Test
    @Timeout(30)
    void aWaitForRowsEndsWhenARowIsQueued() throws Exception {
        PacedMemoryQueue<Row> provider = new PacedMemoryQueue<>();
        ChangeEventQueue<Row> queue = queue(provider);
        CompletableFuture<Boolean> waited = CompletableFuture.supplyAsync(() -> awaitRows(provider, NEVER_MILLIS));

        queue.enqueue(new Row(1));

        assertThat(waited.get()).as("a row is queued").isTrue();
    }

    @Test
    void aWaitForRowsReturnsAtOnceWhileRowsAreQueuedAndWaitsOnceTheyAreTaken() throws InterruptedException {
        PacedMemoryQueue<Row> provider = new PacedMemoryQueue<>();
        ChangeEventQueue<Row> queue = queue(provider);
        queue.enqueue(new Row(1));
        queue.enqueue(new Row(2));

        assertThat(provider.awaitRows(NEVER_MILLIS)).isTrue();
        List<Row> handed = new ArrayList<>();
        while (handed.size() < 2) {
            handed.addAll(queue.poll());
        }
        assertThat(provider.awaitRows(1)).as("nothing queued once both were handed over").isFalse();
    }

    @Test
    @Timeout(30)
    void wakeEndsAWaitWithNoRow() throws Exception {
        PacedMemoryQueue<Row> provider = new PacedMemoryQueue<>();
        queue(provider);
        CountDownLatch started = new CountDownLatch(1);
        CompletableFuture<Boolean> waited = CompletableFuture.supplyAsync(() -> {
            started.countDown();
            return awaitRows(provider, NEVER_MILLIS);
        });
        started.await();

        provider.wake();

        assertThat(waited.get()).as("woken, no row").isFalse();
    }

    private static boolean awaitRows(PacedMemoryQueue<Row> provider, long millis) {
        try {
            return provider.awaitRows(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static ChangeEventQueue<Row> queue(PacedMemoryQueue<Row> provider) {
        provider.configure(Map.of(CommonConnectorConfig.MAX_QUEUE_SIZE.name(), 16));
        return new ChangeEventQueue.Builder<Row>().pollInterval(Duration.ofMillis(2)).maxBatchSize(4).maxQueueSize(16)
                .queueProvider(provider).loggingContextSupplier(() -> LoggingContext.forConnector("test", "test", "queue"))
                .build();
    }
}
