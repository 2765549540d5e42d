package votes.ledger.relay.queue;

import io.debezium.connector.base.DefaultQueueProvider;
import io.debezium.connector.base.QueueProvider;
import io.debezium.pipeline.Sizeable;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Debezium's in-memory change-event queue ({@code queue.provider.type=memory}: the same {@code ArrayDeque}, sized
 * by {@code max.queue.size}), with two things of ours:
 * <ul>
 *   <li>a {@link SpinBrake} on its size: the poller's spin at the end of every poll interval parks instead of
 *   burning the rest of the millisecond;</li>
 *   <li>{@link #awaitRows}: the relay's task ({@link PacedPostgresTask}) waits there while nothing is queued, so an
 *   idle relay does not run a poll interval after poll interval that hands over nothing.</li>
 * </ul>
 * Selected by {@code queue.provider.type} (the relay's {@code RELAY_QUEUE_PROVIDER}); Debezium finds it through
 * {@code ServiceLoader} by {@link #NAME}.
 */
public final class PacedMemoryQueue<T extends Sizeable> implements QueueProvider<T> {

    public static final String NAME = "votes-paced-memory";

    private final DefaultQueueProvider<T> queue = new DefaultQueueProvider<>();
    private final SpinBrake brake;
    /**
     * Rows queued, kept beside the deque: Debezium changes the deque under its queue's lock, which a waiter does not
     * hold, so the wait reads this count and the writers signal it, both volatile, and no arrival is missed.
     */
    private final AtomicInteger queued = new AtomicInteger();
    private final Object arrivals = new Object();
    private volatile boolean waiting;
    private boolean woken;

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
        queued.incrementAndGet();
        if (waiting) {
            synchronized (arrivals) {
                arrivals.notifyAll();
            }
        }
    }

    @Override
    public T poll() throws InterruptedException {
        T event = queue.poll();
        if (event != null) {
            queued.decrementAndGet();
        }
        return event;
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

    /**
     * Waits until a row is queued, {@link #wake} is called or {@code maxMillis} passed, whichever comes first.
     *
     * @return whether a row is queued
     */
    boolean awaitRows(long maxMillis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(maxMillis);
        synchronized (arrivals) {
            waiting = true;
            try {
                long left = deadline - System.nanoTime();
                while (queued.get() == 0 && !woken && left > 0) {
                    TimeUnit.NANOSECONDS.timedWait(arrivals, left);
                    left = deadline - System.nanoTime();
                }
                woken = false;
            } finally {
                waiting = false;
            }
        }
        return queued.get() > 0;
    }

    /** Ends a wait in {@link #awaitRows} at once (the task is stopping), or the next one if none is waiting. */
    void wake() {
        synchronized (arrivals) {
            woken = true;
            arrivals.notifyAll();
        }
    }
}
