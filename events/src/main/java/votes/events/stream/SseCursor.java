package votes.events.stream;

import java.util.concurrent.atomic.AtomicReference;

/**
 * What one client still has to receive: only the newest frame offered since its last write (a slow client's
 * intermediate states are dropped, a dashboard needs only the latest) and only if it is newer than what the
 * client already has ({@code Last-Event-ID} sets the starting point). {@link #offer} is safe from any thread;
 * {@link #next} runs on the client's own event loop.
 */
public final class SseCursor {

    private final AtomicReference<SseFrame> pending = new AtomicReference<>();
    private long lastSent;

    /** @param lastSeenVersion the client's Last-Event-ID, or {@link LastEventId#NONE} when it has seen nothing */
    public SseCursor(long lastSeenVersion) {
        this.lastSent = lastSeenVersion;
    }

    public void offer(SseFrame frame) {
        pending.accumulateAndGet(frame, SseFrame::newer);
    }

    /** @return the frame to write now, or null when nothing newer than what the client has is waiting */
    public SseFrame next() {
        SseFrame frame = pending.getAndSet(null);
        if (frame == null || frame.version() <= lastSent) {
            return null;
        }
        lastSent = frame.version();
        return frame;
    }

    public long lastSent() {
        return lastSent;
    }
}
