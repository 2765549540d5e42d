package votes.events.stream;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads one {@code text/event-stream} as its bytes arrive (split anywhere, even inside a UTF-8 character) and hands
 * on each dispatched event (one with at least one {@code data:} line). Comments ({@code : keep-alive}),
 * {@code retry:} and unknown fields dispatch nothing. What an event's {@code id:} means is the reader's business
 * (the gateway's relay drops an event without a version, perf's probes fall back to the data). Pure, no I/O; one
 * instance per connection, one thread at a time.
 */
public final class SseParser {

    /** Far above a results frame (a few KB for 64 options): a longer event is not ours, and is not buffered on. */
    public static final int MAX_EVENT_BYTES = 1 << 20;

    /**
     * One dispatched event.
     *
     * @param type its {@code event:}, or null
     * @param id its {@code id:} as sent, or null
     * @param data its {@code data:} lines, in order
     */
    public record Event(String type, String id, List<String> data) {
    }

    private final Consumer<Event> sink;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream(256);
    private final List<String> data = new ArrayList<>();
    private String type;
    private String id;
    private int eventBytes;
    private int lineBytes;
    private boolean oversized;
    private boolean lastWasCr;
    private long oversizedEvents;

    public SseParser(Consumer<Event> sink) {
        this.sink = sink;
    }

    public void feed(byte[] bytes) {
        for (byte b : bytes) {
            if (b == '\n' && lastWasCr) {
                lastWasCr = false; // \r\n: the \r already ended the line
                continue;
            }
            lastWasCr = b == '\r';
            if (b == '\n' || b == '\r') {
                endLine();
                continue;
            }
            lineBytes++;
            if (++eventBytes > MAX_EVENT_BYTES) {
                oversized = true;
                line.reset();
            } else {
                line.write(b);
            }
        }
    }

    /** Events dropped for being longer than {@link #MAX_EVENT_BYTES}. */
    public long oversized() {
        return oversizedEvents;
    }

    private void endLine() {
        boolean blank = lineBytes == 0;
        lineBytes = 0;
        if (blank) {
            dispatch();
            return;
        }
        String text = line.toString(StandardCharsets.UTF_8);
        line.reset();
        if (oversized || text.startsWith(":")) {
            return;
        }
        int colon = text.indexOf(':');
        String field = colon < 0 ? text : text.substring(0, colon);
        String value = colon < 0 ? "" : text.substring(colon + 1);
        if (value.startsWith(" ")) {
            value = value.substring(1);
        }
        switch (field) {
            case "data" -> data.add(value);
            case "id" -> id = value;
            case "event" -> type = value;
            default -> {
                // retry: and unknown fields: not passed on
            }
        }
    }

    private void dispatch() {
        if (oversized) {
            oversizedEvents++;
        } else if (!data.isEmpty()) {
            sink.accept(new Event(type, id, List.copyOf(data)));
        }
        data.clear();
        type = null;
        id = null;
        eventBytes = 0;
        oversized = false;
    }
}
