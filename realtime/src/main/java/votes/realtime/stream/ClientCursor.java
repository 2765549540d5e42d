package votes.realtime.stream;

import java.util.concurrent.atomic.AtomicReference;

/**
 * What one client still has to receive: only the newest state offered since its last write (intermediate
 * states are dropped, a dashboard needs only the latest) and only if it is newer than what it already has
 * ({@code Last-Event-ID} sets the starting point). {@link #offer} is safe from any thread; {@link #next}
 * is called on the client's own event loop.
 */
final class ClientCursor {

    private final AtomicReference<SseEvent> pending = new AtomicReference<>();
    private long lastSent;

    /** @param lastSeenVersion the client's Last-Event-ID, or -1 when it has seen nothing */
    ClientCursor(long lastSeenVersion) {
        this.lastSent = lastSeenVersion;
    }

    void offer(SseEvent event) {
        pending.accumulateAndGet(event, SseEvent::newer);
    }

    /** @return the event to write now, or null when nothing newer than what the client has is waiting */
    SseEvent next() {
        SseEvent event = pending.getAndSet(null);
        if (event == null || event.version() <= lastSent) {
            return null;
        }
        lastSent = event.version();
        return event;
    }

    long lastSent() {
        return lastSent;
    }
}
