package votes.realtime.stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import votes.events.stream.LastEventId;
import votes.events.tally.Tally;
import votes.kit.problem.Problem;
import votes.kit.problem.ProblemType;
import votes.realtime.tally.TallyBoard;

/**
 * {@code GET /api/v1/polls/{pollId}/results/stream}: a plain Vert.x route rather than a REST method, because
 * the fan-out needs the raw response (write-queue state, drain handler) to keep slow clients from holding
 * anyone back. No thread per client: a client is a response plus a cursor.
 */
@ApplicationScoped
public class StreamRoute {

    static final String PATH = "/api/v1/polls/:pollId/results/stream";

    private final Feeds feeds;
    private final TallyBoard board;
    private final Vertx vertx;
    private final ObjectMapper mapper;
    private final Duration unknownPollWait;
    private final long retryMillis;

    StreamRoute(Feeds feeds, TallyBoard board, Vertx vertx, ObjectMapper mapper,
            @ConfigProperty(name = "vote.sse.unknown-poll-wait") Duration unknownPollWait,
            @ConfigProperty(name = "vote.sse.retry") Duration retry) {
        this.feeds = feeds;
        this.board = board;
        this.vertx = vertx;
        this.mapper = mapper;
        this.unknownPollWait = unknownPollWait;
        this.retryMillis = retry.toMillis();
    }

    void install(@Observes Router router) {
        router.get(PATH).handler(this::open);
    }

    private void open(RoutingContext routing) {
        String pollId = routing.pathParam("pollId");
        long lastSeen = LastEventId.parse(routing.request().getHeader(LastEventId.HEADER));
        Context context = vertx.getOrCreateContext();
        // A poll created a moment ago gets its zero tally from projections shortly: wait a little for it,
        // because an EventSource that gets a 404 gives up for good.
        CompletableFuture<Tally> first = board.first(pollId);
        if (first.isDone()) {
            start(routing, context, pollId, lastSeen);
            return;
        }
        long timer = vertx.setTimer(unknownPollWait.toMillis(), id -> context.runOnContext(v -> {
            if (!first.isDone()) {
                board.forget(pollId, first);
                notFound(routing, pollId);
            }
        }));
        first.thenAccept(tally -> context.runOnContext(v -> {
            if (vertx.cancelTimer(timer)) {
                start(routing, context, pollId, lastSeen);
            }
        }));
    }

    private void start(RoutingContext routing, Context context, String pollId, long lastSeen) {
        HttpServerResponse response = routing.response();
        if (response.closed()) {
            return;
        }
        SseClient client = new SseClient(response, context, lastSeen);
        client.open(retryMillis);
        response.closeHandler(v -> {
            client.closed();
            feeds.leave(pollId, client);
        });
        response.exceptionHandler(e -> {
            client.closed();
            feeds.leave(pollId, client);
        });
        feeds.join(pollId, client);
    }

    private void notFound(RoutingContext routing, String pollId) {
        HttpServerResponse response = routing.response();
        if (response.closed() || response.headWritten()) {
            return;
        }
        Problem problem = Problem.of(ProblemType.POLL_NOT_FOUND, "no results for poll " + pollId);
        try {
            response.setStatusCode(problem.status())
                    .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .end(mapper.writeValueAsString(problem.body()));
        } catch (JsonProcessingException e) {
            routing.fail(e);
        }
    }
}
