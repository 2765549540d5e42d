package votes.infra.gateway.stream;

import java.util.function.Consumer;
import votes.events.stream.LastEventId;
import votes.events.stream.SseFrame;
import votes.events.stream.SseParser;

/**
 * Reads one upstream {@code text/event-stream} (through {@link SseParser}, which perf's probes read the stream with
 * as well) and hands on each event that carries a version ({@code id:} a non-negative number), rendered again as a
 * {@link SseFrame}. Comments (the upstream's {@code : keep-alive}) and {@code retry:} are dropped: the gateway sends
 * its own to its viewers. An event without a version cannot be ordered against the cached state, so it is counted
 * and dropped (realtime never sends one). Pure, no I/O; one instance per upstream connection, one thread at a time.
 */
final class EventStreamParser {

    private final SseParser parser;
    private long unversioned;

    EventStreamParser(Consumer<SseFrame> sink) {
        this.parser = new SseParser(event -> {
            long version = LastEventId.parse(event.id());
            if (version == LastEventId.NONE) {
                unversioned++;
            } else {
                sink.accept(SseFrame.of(event.type(), version, event.data()));
            }
        });
    }

    void feed(byte[] bytes) {
        parser.feed(bytes);
    }

    /** Events dropped: no usable version, or longer than {@link SseParser#MAX_EVENT_BYTES}. */
    long dropped() {
        return unversioned + parser.oversized();
    }
}
