package votes.events.stream;

import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One event of a results stream: its version (the {@code id:}) and its frame, rendered once and written as the
 * same bytes to every client of the poll (by realtime, and again by the gateway's relay).
 */
public record SseFrame(long version, Buffer frame) {

    /** A comment: keeps proxies and idle timeouts from closing a quiet stream. */
    public static final Buffer KEEP_ALIVE = Buffer.buffer(": keep-alive\n\n");

    /**
     * Rendered from its fields, so every frame has one shape whatever line endings it came in with.
     *
     * @param type the {@code event:} name, or null for none
     */
    public static SseFrame of(String type, long version, List<String> dataLines) {
        StringBuilder frame = new StringBuilder();
        if (type != null) {
            frame.append("event: ").append(type).append('\n');
        }
        frame.append("id: ").append(version).append('\n');
        for (String line : dataLines) {
            frame.append("data: ").append(line).append('\n');
        }
        frame.append('\n');
        return new SseFrame(version, Buffer.buffer(frame.toString().getBytes(StandardCharsets.UTF_8)));
    }

    /** How soon an EventSource comes back after a drop. */
    public static Buffer retry(long millis) {
        return Buffer.buffer("retry: " + millis + "\n\n");
    }

    /** The newer of two (either may be null): versions only grow for a client. */
    public static SseFrame newer(SseFrame a, SseFrame b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return b.version > a.version ? b : a;
    }
}
