package votes.realtime.stream;

import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;

/**
 * One {@code event: tally} frame, rendered once per publication and written as the same bytes to every
 * client of the poll.
 */
record SseEvent(long version, Buffer frame) {

    static final Buffer KEEP_ALIVE = Buffer.buffer(": keep-alive\n\n");

    static SseEvent tally(long version, String json) {
        // The JSON is rendered without line breaks, so one data: line holds it.
        String frame = "event: tally\nid: " + version + "\ndata: " + json + "\n\n";
        return new SseEvent(version, Buffer.buffer(frame.getBytes(StandardCharsets.UTF_8)));
    }

    static Buffer retry(long millis) {
        return Buffer.buffer("retry: " + millis + "\n\n");
    }

    static SseEvent newer(SseEvent a, SseEvent b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return b.version > a.version ? b : a;
    }
}
