package votes.infra.gateway.stream;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.ConnectionPoolTooBusyException;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.PoolOptions;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import votes.events.stream.LastEventId;
import votes.infra.gateway.edge.RequestId;
import votes.infra.gateway.problem.ProblemReply;
import votes.kit.problem.Problem;
import votes.kit.problem.ProblemType;

/**
 * Results streams through the gateway without a pooled upstream connection per viewer: one subscription to
 * realtime per stream URI ({@link PollRelay}), fanned out to every viewer of it. 10,000 viewers cost 10,000
 * client sockets and a handful of upstream ones (one per poll watched), not 20,000 descriptors; and the
 * request/response pools never hold a stream, so plain requests are never starved by viewers.
 */
public final class StreamRelay {

    static final String REQUEST_ID = RequestId.HEADER;
    private static final String UPSTREAM = "realtime";
    private static final int CONNECT_TIMEOUT_MILLIS = 2_000;

    private final Vertx vertx;
    private final RelaySettings settings;
    private final HttpClient upstream;
    private final Map<String, PollRelay> relays = new ConcurrentHashMap<>();
    /**
     * One lane per event-loop thread. Not per context: each request runs on its own duplicate of its loop's context,
     * so a lane per context would be a lane, and a task, per viewer again.
     */
    private final Map<Thread, DeliveryLane> lanes = new ConcurrentHashMap<>();
    private final LongAdder reconnects = new LongAdder();
    private final LongAdder refusedTooManyPolls = new LongAdder();

    public StreamRelay(Vertx vertx, URI realtime, RelaySettings settings) {
        this.vertx = vertx;
        this.settings = settings;
        // Its own client and pool: a subscription holds its connection for hours, so it must never sit in the pool
        // that carries GET /results and votes. One connection per poll watched, at most maxPolls.
        this.upstream = vertx.createHttpClient(new HttpClientOptions().setDefaultHost(realtime.getHost())
                        .setDefaultPort(realtime.getPort() > 0 ? realtime.getPort() : 80)
                        .setConnectTimeout(CONNECT_TIMEOUT_MILLIS).setKeepAlive(true).setTcpNoDelay(true),
                new PoolOptions().setHttp1MaxSize(settings.maxPolls()).setMaxWaitQueueSize(settings.maxPolls()));
        // One timer for every viewer: a comment per interval is cheap, a timer per viewer is not. A viewer that got
        // bytes in the last quarter interval skips it: at most 1.25 intervals of silence (12.5 s by default, the API
        // promises a comment at least every 15 s).
        long recentNanos = settings.heartbeat().toNanos() / 4;
        vertx.setPeriodic(settings.heartbeat().toMillis(), id -> {
            long now = System.nanoTime();
            relays.values().forEach(relay -> relay.heartbeat(now, recentNanos));
        });
    }

    /**
     * A viewer's {@code GET …/results/stream}, on the event loop of its connection.
     *
     * @param left called when the viewer leaves (the response's close handler is the relay's)
     */
    public void open(HttpServerRequest request, Runnable left) {
        Context context = vertx.getOrCreateContext();
        String requestId = RequestId.decide(request.getHeader(REQUEST_ID));
        Viewer viewer = new Viewer(request.response(), context,
                lanes.computeIfAbsent(Thread.currentThread(), loop -> new DeliveryLane(context)),
                LastEventId.parse(request.getHeader(LastEventId.HEADER)), requestId);
        request.response().closeHandler(v -> {
            viewer.closed();
            left.run();
        });
        request.response().exceptionHandler(e -> viewer.closed());
        join(request.uri(), viewer);
    }

    /** Viewers currently streaming, over all polls. */
    public long viewers() {
        return relays.values().stream().mapToLong(PollRelay::viewers).sum();
    }

    /** Upstream subscriptions held (including ones in their grace period or reconnecting). */
    public int subscriptions() {
        return relays.size();
    }

    /** Subscriptions whose upstream stream is open right now. */
    public long connectedSubscriptions() {
        return relays.values().stream().filter(PollRelay::connected).count();
    }

    public long reconnects() {
        return reconnects.sum();
    }

    public long refusedTooManyPolls() {
        return refusedTooManyPolls.sum();
    }

    void join(String uri, Viewer viewer) {
        PollRelay relay = relays.get(uri);
        if (relay == null) {
            if (relays.size() >= settings.maxPolls()) {
                refusedTooManyPolls.increment();
                viewer.refuse(Problem.of(ProblemType.UNAVAILABLE, "The gateway relays " + settings.maxPolls()
                        + " result streams already (GATEWAY_SSE_MAX_POLLS); retry shortly."));
                return;
            }
            relay = relays.computeIfAbsent(uri, u -> new PollRelay(u, viewer.context(), this));
        }
        relay.join(viewer);
    }

    void remove(String uri, PollRelay relay) {
        relays.remove(uri, relay);
    }

    void reconnecting() {
        reconnects.increment();
    }

    Problem problemFor(Throwable cause) {
        return cause instanceof ConnectionPoolTooBusyException ? ProblemReply.busy(UPSTREAM) : ProblemReply.unreachable(UPSTREAM);
    }

    Vertx vertx() {
        return vertx;
    }

    RelaySettings settings() {
        return settings;
    }

    HttpClient upstream() {
        return upstream;
    }
}
