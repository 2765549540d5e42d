package votes.realtime.stream;

import io.vertx.core.Context;
import io.vertx.core.http.HttpServerResponse;
import java.util.concurrent.atomic.AtomicBoolean;
import votes.events.stream.SseDelivery;
import votes.events.stream.SseFrame;

/**
 * One open stream. Publications and heartbeats may come from any thread; every write happens on the
 * connection's own event loop, through {@link SseDelivery} (a slow client keeps only the newest state pending and
 * gets it when its socket drains, so it slows nobody else down).
 */
final class SseClient {

    private final Context context;
    private final SseDelivery delivery;
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private volatile boolean closed;

    SseClient(HttpServerResponse response, Context context, long lastSeenVersion) {
        this.context = context;
        this.delivery = new SseDelivery(response, lastSeenVersion);
    }

    /** Sends the stream's head and {@code retry:}; on the connection's event loop, before any offer. */
    void open(long retryMillis) {
        delivery.open(retryMillis);
    }

    void offer(SseFrame event) {
        delivery.offer(event);
        schedule();
    }

    void heartbeat() {
        delivery.heartbeatDue();
        schedule();
    }

    void closed() {
        closed = true;
    }

    boolean isClosed() {
        return closed;
    }

    private void schedule() {
        // Many offers before the event loop gets to us collapse into one delivery.
        if (!closed && scheduled.compareAndSet(false, true)) {
            context.runOnContext(v -> deliver());
        }
    }

    private void deliver() {
        scheduled.set(false);
        if (!closed) {
            delivery.deliver(this::deliver);
        }
    }
}
