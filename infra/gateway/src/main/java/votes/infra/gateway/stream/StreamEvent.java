package votes.infra.gateway.stream;

import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One event of a results stream as the relay passes it on: its version (the upstream's {@code id:}) and the frame
 * every viewer of the poll gets, rendered once and written as the same bytes to all of them.
 */
public record StreamEvent(long version, Buffer frame) {

    /** Rendered again from its fields, so every frame a viewer gets has one shape whatever line endings came in. */
    static StreamEvent of(String type, long version, List<String> dataLines) {
        StringBuilder frame = new StringBuilder();
        if (type != null) {
            frame.append("event: ").append(type).append('\n');
        }
        frame.append("id: ").append(version).append('\n');
        for (String line : dataLines) {
            frame.append("data: ").append(line).append('\n');
        }
        frame.append('\n');
        return new StreamEvent(version, Buffer.buffer(frame.toString().getBytes(StandardCharsets.UTF_8)));
    }

    /** The newer of two (either may be null): versions only grow for a viewer. */
    static StreamEvent newer(StreamEvent a, StreamEvent b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return b.version > a.version ? b : a;
    }
}
