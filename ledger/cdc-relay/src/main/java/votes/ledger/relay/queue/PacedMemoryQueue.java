package votes.ledger.relay.queue;

import io.debezium.connector.base.DefaultQueueProvider;
import io.debezium.connector.base.QueueProvider;
import io.debezium.pipeline.Sizeable;
import java.util.Map;

/**
 * Debezium's in-memory change-event queue ({@code queue.provider.type=memory}: the same {@code ArrayDeque}, sized
 * by {@code max.queue.size}), with a {@link SpinBrake} on its size: the poller's spin at the end of every poll
 * interval parks instead of burning the rest of the millisecond. Selected by {@code queue.provider.type} (the
 * relay's {@code RELAY_QUEUE_PROVIDER}); Debezium finds it through {@code ServiceLoader} by {@link #NAME}.
 */
public final class PacedMemoryQueue<T extends Sizeable> implements QueueProvider<T> {

    public static final String NAME = "votes-paced-memory";

    private final DefaultQueueProvider<T> queue = new DefaultQueueProvider<>();
    private final SpinBrake brake;

    public PacedMemoryQueue() {
        this(SpinBrake.system());
    }

    PacedMemoryQueue(SpinBrake brake) {
        this.brake = brake;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void configure(Map<String, ?> config) {
        queue.configure(config);
    }

    @Override
    public void enqueue(T event) throws InterruptedException {
        queue.enqueue(event);
    }

    @Override
    public T poll() throws InterruptedException {
        return queue.poll();
    }

    @Override
    public int size() {
        int size = queue.size();
        if (size == 0) {
            brake.emptyLook();
        } else {
            brake.filled();
        }
        return size;
    }
}
