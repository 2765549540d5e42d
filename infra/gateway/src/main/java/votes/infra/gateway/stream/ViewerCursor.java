package votes.infra.gateway.stream;

import java.util.concurrent.atomic.AtomicReference;

/**
 * What one viewer still has to receive: only the newest event offered since its last write (a slow viewer's
 * intermediate states are dropped, a dashboard needs only the latest) and only if it is newer than what the
 * viewer already has ({@code Last-Event-ID} sets the starting point) — realtime's cursor semantics, kept by the
 * relay. {@link #offer} is safe from any thread; {@link #next} runs on the viewer's own event loop.
 */
final class ViewerCursor {

    private final AtomicReference<StreamEvent> pending = new AtomicReference<>();
    private long lastSent;

    /** @param lastSeenVersion the viewer's Last-Event-ID, or {@link LastEventId#NONE} when it has seen nothing */
    ViewerCursor(long lastSeenVersion) {
        this.lastSent = lastSeenVersion;
    }

    void offer(StreamEvent event) {
        pending.accumulateAndGet(event, StreamEvent::newer);
    }

    /** @return the event to write now, or null when nothing newer than what the viewer has is waiting */
    StreamEvent next() {
        StreamEvent event = pending.getAndSet(null);
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
