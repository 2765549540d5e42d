package votes.ledger.relay.slot;

import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Reads the slot's row every interval for the lag metrics, whether or not the engine runs (a relay that cannot
 * start is when the slot's WAL grows). One daemon thread; a failed read is reported, never thrown.
 */
public final class SlotMonitor implements AutoCloseable {

    private final ReplicationSlots slots;
    private final Consumer<SlotReading> readings;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "relay-slot-monitor");
        thread.setDaemon(true);
        return thread;
    });

    public SlotMonitor(ReplicationSlots slots, Consumer<SlotReading> readings) {
        this.slots = slots;
        this.readings = readings;
    }

    public SlotMonitor start(Duration interval) {
        timer.scheduleWithFixedDelay(this::readOnce, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    /** One reading, now, on the caller's thread. */
    public SlotReading readOnce() {
        SlotReading reading;
        try {
            reading = SlotReading.of(slots.state());
        } catch (SQLException | RuntimeException e) {
            reading = SlotReading.failed(e.getMessage());
        }
        readings.accept(reading);
        return reading;
    }

    @Override
    public void close() {
        timer.shutdownNow();
        slots.close();
    }
}
