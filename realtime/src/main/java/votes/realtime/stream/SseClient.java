package votes.realtime.stream;

import io.vertx.core.Context;
import io.vertx.core.http.HttpServerResponse;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One open stream. Publications and heartbeats may come from any thread; every write happens on the
 * connection's own event loop, and never while its write queue is full: a slow client keeps only the
 * newest state pending and gets it when its socket drains, so it slows nobody else down.
 */
final class SseClient {

    private final HttpServerResponse response;
    private final Context context;
    private final ClientCursor cursor;
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private volatile boolean heartbeatDue;
    private volatile boolean closed;

    SseClient(HttpServerResponse response, Context context, long lastSeenVersion) {
        this.response = response;
        this.context = context;
        this.cursor = new ClientCursor(lastSeenVersion);
    }

    void offer(SseEvent event) {
        cursor.offer(event);
        schedule();
    }

    void heartbeat() {
        heartbeatDue = true;
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
        if (closed || response.closed() || response.ended()) {
            return;
        }
        if (response.writeQueueFull()) {
            // Keep the pending state (the cursor holds only the newest) and finish when the socket drains.
            response.drainHandler(v -> deliver());
            return;
        }
        SseEvent event = cursor.next();
        if (event != null) {
            response.write(event.frame());
            heartbeatDue = false; // bytes just went out: that keeps proxies open as well as a comment
        } else if (heartbeatDue) {
            heartbeatDue = false;
            response.write(SseEvent.KEEP_ALIVE.copy());
        }
    }
}
