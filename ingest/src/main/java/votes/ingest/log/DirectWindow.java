package votes.ingest.log;

import java.time.Duration;

/**
 * Whether an append may go straight into the producer from the request's event loop. {@code KafkaProducer.send} blocks
 * its caller (up to {@code max.block.ms}) only while it has no metadata for the topic: before its first send, after a
 * topic went unused for {@code metadata.max.idle.ms} (Kafka's default: 5 minutes). An ack proves the metadata is
 * there, so the window opens at each ack and stays open for less than that idle time; outside it an append takes the
 * channel's sending thread, which may wait. A zero window sends everything through the channel.
 */
final class DirectWindow {

    private final long windowNanos;
    private volatile boolean acked;
    private volatile long lastAck;

    DirectWindow(Duration window) {
        this.windowNanos = window.toNanos();
    }

    /** @param now {@link System#nanoTime()} */
    boolean open(long now) {
        return acked && now - lastAck < windowNanos;
    }

    /** The broker acknowledged an append at {@code now} ({@link System#nanoTime()}). */
    void acked(long now) {
        lastAck = now;
        acked = true;
    }
}
