package votes.infra.gateway.stream;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import votes.events.stream.LastEventId;
import votes.events.stream.SseFrame;

/**
 * Reads one upstream {@code text/event-stream} as its bytes arrive (split anywhere, even inside a UTF-8
 * character) and hands on each dispatched event that carries a version ({@code id:} a non-negative number).
 * Comments (the upstream's {@code : keep-alive}) and {@code retry:} are dropped: the gateway sends its own to its
 * viewers. An event without a version cannot be ordered against the cached state, so it is counted and dropped
 * (realtime never sends one). Pure, no I/O; one instance per upstream connection, one thread at a time.
 */
final class EventStreamParser {

    /** Far above a results frame (a few KB for 64 options): a longer event is not ours, and is not buffered on. */
    static final int MAX_EVENT_BYTES = 1 << 20;

    private final Consumer<SseFrame> sink;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream(256);
    private final List<String> data = new ArrayList<>();
    private String type;
    private String id;
    private int eventBytes;
    private int lineBytes;
    private boolean oversized;
    private boolean lastWasCr;
    private long dropped;

    EventStreamParser(Consumer<SseFrame> sink) {
        this.sink = sink;
    }

    void feed(byte[] bytes) {
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

    /** Events dropped: no usable version, or longer than {@link #MAX_EVENT_BYTES}. */
    long dropped() {
        return dropped;
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
        if (!oversized && !data.isEmpty()) {
            long version = LastEventId.parse(id);
            if (version == LastEventId.NONE) {
                dropped++;
            } else {
                sink.accept(SseFrame.of(type, version, data));
            }
        } else if (oversized) {
            dropped++;
        }
        data.clear();
        type = null;
        id = null;
        eventBytes = 0;
        oversized = false;
    }
}
