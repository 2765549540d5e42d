package votes.perf.sse;

import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Incremental text/event-stream parser for one connection: bytes in as the network delivers them (frames may
 * be split anywhere), one {@link Event} out per dispatched frame. Comments ({@code : keep-alive}) and
 * {@code retry:} frames dispatch nothing. Pure, no I/O; one instance per connection, one thread at a time.
 */
public final class SseFrames {

    /** A dispatched frame: its {@code id:} (-1 if none or not a number) and its {@code data:} text. */
    public record Event(long id, String data) {

        /** The integer JSON field {@code name} in the data, or -1 (no JSON library: one scan, no allocation). */
        public long longField(String name) {
            String key = "\"" + name + "\":";
            int at = data.indexOf(key);
            if (at < 0) {
                return -1;
            }
            int i = at + key.length();
            while (i < data.length() && data.charAt(i) == ' ') {
                i++;
            }
            long v = 0;
            int start = i;
            while (i < data.length() && Character.isDigit(data.charAt(i))) {
                v = v * 10 + (data.charAt(i++) - '0');
            }
            return i == start ? -1 : v;
        }
    }

    private final Consumer<Event> sink;
    private final StringBuilder line = new StringBuilder();
    private final StringBuilder data = new StringBuilder();
    private long id = -1;
    private boolean hasData;
    private boolean lastWasCr;

    public SseFrames(Consumer<Event> sink) {
        this.sink = sink;
    }

    public void feed(byte[] bytes) {
        feed(new String(bytes, StandardCharsets.UTF_8));
    }

    /** Frames are ASCII apart from the JSON's labels; callers split on byte boundaries we tolerate as text. */
    public void feed(String chunk) {
        for (int i = 0; i < chunk.length(); i++) {
            char c = chunk.charAt(i);
            if (c == '\n' && lastWasCr) {
                lastWasCr = false; // \r\n: the \r already ended the line
                continue;
            }
            lastWasCr = c == '\r';
            if (c == '\n' || c == '\r') {
                endLine();
            } else {
                line.append(c);
            }
        }
    }

    private void endLine() {
        if (line.length() == 0) {
            if (hasData) {
                sink.accept(new Event(id, data.toString()));
            }
            data.setLength(0);
            hasData = false;
            id = -1;
            return;
        }
        String l = line.toString();
        line.setLength(0);
        if (l.startsWith(":")) {
            return;
        }
        int colon = l.indexOf(':');
        String field = colon < 0 ? l : l.substring(0, colon);
        String value = colon < 0 ? "" : l.substring(colon + 1);
        if (value.startsWith(" ")) {
            value = value.substring(1);
        }
        if (field.equals("data")) {
            if (hasData) {
                data.append('\n');
            }
            data.append(value);
            hasData = true;
        } else if (field.equals("id")) {
            try {
                id = Long.parseLong(value.trim());
            } catch (NumberFormatException e) {
                id = -1;
            }
        }
    }
}
