package votes.realtime.stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import votes.events.stream.SseFrame;
import votes.events.tally.Tally;
import votes.events.tally.Results;
import votes.realtime.tally.TallyBoard;

/** Every poll's {@link PollFeed}, fed by the board, and the one heartbeat ticker of the instance. */
@ApplicationScoped
public class Feeds {

    private final Map<String, PollFeed> feeds = new ConcurrentHashMap<>();
    private final Vertx vertx;
    private final ObjectMapper mapper;
    private final TallyBoard board;
    private final long intervalNanos;
    private final Duration heartbeat;
    private long heartbeatTimer = -1;

    Feeds(Vertx vertx, ObjectMapper mapper, TallyBoard board, MeterRegistry registry,
            @ConfigProperty(name = "vote.sse.coalesce-interval") Duration interval,
            @ConfigProperty(name = "vote.sse.heartbeat") Duration heartbeat) {
        this.vertx = vertx;
        this.mapper = mapper;
        this.board = board;
        this.intervalNanos = interval.toNanos();
        this.heartbeat = heartbeat;
        registry.gauge("realtime_sse_clients", feeds, f -> f.values().stream().mapToInt(p -> p.clients().size()).sum());
        registry.gauge("realtime_polls", board, TallyBoard::polls);
    }

    void start(@Observes StartupEvent started) {
        board.onChange(tally -> feed(tally.pollId()).changed(tally));
        // One timer for all clients: a comment per interval is cheap, a timer per client is not.
        heartbeatTimer = vertx.setPeriodic(heartbeat.toMillis(), id -> feeds.values()
                .forEach(feed -> feed.clients().forEach(SseClient::heartbeat)));
    }

    void stop(@Observes ShutdownEvent stopping) {
        if (heartbeatTimer >= 0) {
            vertx.cancelTimer(heartbeatTimer);
        }
    }

    /** Joins a client to its poll's feed (the poll has a tally: the caller checked). */
    void join(String pollId, SseClient client) {
        PollFeed feed = feed(pollId);
        board.get(pollId).ifPresent(feed::changed); // the board may be ahead of a feed created just now
        feed.join(client);
    }

    void leave(String pollId, SseClient client) {
        PollFeed feed = feeds.get(pollId);
        if (feed != null) {
            feed.leave(client);
        }
    }

    private PollFeed feed(String pollId) {
        return feeds.computeIfAbsent(pollId, id -> new PollFeed(vertx, this::render, System::nanoTime, intervalNanos));
    }

    private SseFrame render(Tally tally) {
        try {
            // The JSON is rendered without line breaks, so one data: line holds it.
            return SseFrame.of("tally", tally.version(), List.of(mapper.writeValueAsString(Results.of(tally))));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render results of " + tally.pollId(), e);
        }
    }
}
