package votes.events.stream;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;

/**
 * Writes one client's stream, the same way in realtime and in the gateway's relay: never while the connection's
 * write queue is full (a slow client keeps only the newest frame pending, in its {@link SseCursor}, and gets it
 * when its socket drains, so it slows nobody else down), and a keep-alive comment only when a heartbeat is due and
 * no frame went out instead. {@link #offer} and {@link #heartbeatDue} are safe from any thread; {@link #open} and
 * {@link #deliver} run on the connection's own event loop. Scheduling stays with the owner.
 */
public final class SseDelivery {

    private final HttpServerResponse response;
    private final SseCursor cursor;
    private volatile boolean heartbeatDue;

    /** @param lastSeenVersion the client's Last-Event-ID, or {@link LastEventId#NONE} */
    public SseDelivery(HttpServerResponse response, long lastSeenVersion) {
        this.response = response;
        this.cursor = new SseCursor(lastSeenVersion);
    }

    /**
     * Sends the stream's head and {@code retry:} first, so the client knows it is connected and how soon to come
     * back after a drop. Headers the owner adds must be put before.
     */
    public void open(long retryMillis) {
        response.setChunked(true)
                .putHeader(HttpHeaders.CONTENT_TYPE, "text/event-stream; charset=utf-8")
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-cache")
                .putHeader("X-Accel-Buffering", "no"); // tell buffering proxies to pass frames through
        response.write(SseFrame.retry(retryMillis));
    }

    public void offer(SseFrame frame) {
        cursor.offer(frame);
    }

    public void heartbeatDue() {
        heartbeatDue = true;
    }

    /**
     * Writes what is due now, if the connection can take it.
     *
     * @param again the owner's delivery, run once the socket drains when the write queue is full now
     * @return whether bytes went out
     */
    public boolean deliver(Runnable again) {
        if (response.closed() || response.ended()) {
            return false;
        }
        if (response.writeQueueFull()) {
            // Keep the pending frame (the cursor holds only the newest) and finish when the socket drains.
            response.drainHandler(v -> again.run());
            return false;
        }
        SseFrame frame = cursor.next();
        if (frame != null) {
            response.write(frame.frame());
            heartbeatDue = false; // bytes just went out: that keeps proxies open as well as a comment
            return true;
        }
        if (heartbeatDue) {
            heartbeatDue = false;
            response.write(SseFrame.KEEP_ALIVE.copy());
            return true;
        }
        return false;
    }
}
