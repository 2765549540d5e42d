package votes.perf.sse;

import java.util.function.Consumer;
import votes.events.stream.LastEventId;
import votes.events.stream.SseParser;

/**
 * Reads one connection's text/event-stream with the parser the gateway relays it with ({@link SseParser}: bytes in
 * as the network delivers them, split anywhere) and hands on one {@link Event} per dispatched frame. Comments
 * ({@code : keep-alive}) and {@code retry:} frames dispatch nothing. Pure, no I/O; one instance per connection, one
 * thread at a time.
 */
public final class SseFrames {

    /** A dispatched frame: its {@code id:} (-1 if none or not a version) and its {@code data:} text. */
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

    private final SseParser parser;

    public SseFrames(Consumer<Event> sink) {
        this.parser = new SseParser(e -> sink.accept(new Event(LastEventId.parse(e.id()), String.join("\n", e.data()))));
    }

    public void feed(byte[] bytes) {
        parser.feed(bytes);
    }
}
