package votes.ingest.fastpath;

import io.opentelemetry.api.trace.Span;
import io.smallrye.mutiny.Uni;
import io.vertx.core.impl.ContextInternal;
import io.vertx.core.net.NetClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;
import io.vertx.redis.client.RedisOptions;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * The Redis client of the calling event loop: a vote's Redis round trips stay on the loop that serves the vote.
 *
 * <p>Why not Quarkus' one client: Vert.x's Redis client (4.5) acquires every pooled connection with the context it
 * was created on, not the caller's, so all its connections live on one event loop, and a vote served by another
 * loop crosses threads twice per call (the command written on the connection's loop, the reply handed back): at 200
 * votes/s ingest's loops woke each other ~2 times per vote for it (perf/RESULTS.md). A client created on each loop
 * keeps each loop's connections on it. Each gets its share of quarkus.redis.max-pool-size and max-pool-waiting.
 * Callers off the event loops (start-up, tests) get Quarkus' client. Each loop's client reports its pool and
 * connection metrics under its own name (Quarkus' client name + "-loop-" + n): under the shared name Micrometer kept
 * the first client's gauges only and warned at every start. Each loop's client also carries that loop's
 * {@link LoopPipeline}, for the calls that may wait for the end of the loop's turn.
 */
@ApplicationScoped
public class LoopRedis {

    private static final Logger LOG = Logger.getLogger(LoopRedis.class);

    private final Vertx vertx;
    private final Redis shared;
    private final Optional<RedisOptions> perLoop;
    private final boolean pipelined;
    private final Map<Object, OnLoop> clients = new ConcurrentHashMap<>();
    private final AtomicInteger created = new AtomicInteger();

    public LoopRedis(Vertx vertx, Redis shared, RedisOptionsCopy options, FastPathConfig config) {
        this.vertx = vertx;
        this.shared = shared;
        this.pipelined = config.pipeline();
        int loops = 0;
        for (var ignored : vertx.getDelegate().nettyEventLoopGroup()) {
            loops++;
        }
        int share = Math.max(1, loops);
        this.perLoop = options.defaultClient().map(o -> o.setMaxPoolSize(ceilDiv(o.getMaxPoolSize(), share))
                .setMaxPoolWaiting(ceilDiv(o.getMaxPoolWaiting(), share)));
        if (perLoop.isEmpty()) {
            LOG.warn("Quarkus' Redis options were not seen: every event loop shares its one client");
        }
    }

    /** This event loop's client; Quarkus' shared one off the event loops. */
    public Redis client() {
        OnLoop onLoop = onThisLoop();
        return onLoop == null ? shared : onLoop.client();
    }

    /** {@link RedisScript#run}, pipelined like {@link #runThen}. */
    public Uni<Response> run(RedisScript script, List<String> keys, List<String> args) {
        return runThen(script, keys, args, null);
    }

    /**
     * {@link RedisScript#runThen} ({@code next} null: {@link RedisScript#run}), in this event loop's pipeline of the
     * turn ({@link LoopPipeline}) unless {@code vote.redis.pipeline} is off or the caller's trace is sampled; off the
     * event loops through Quarkus' client at once. Decided when subscribed, on the thread that subscribes. A sampled
     * trace's calls go alone so that their Redis spans stay in it (a pipeline of several votes' calls is sent from the
     * loop's own context, in no trace); at the default 1 % sampling that costs nothing worth measuring.
     */
    public Uni<Response> runThen(RedisScript script, List<String> keys, List<String> args, Request next) {
        return Uni.createFrom().deferred(() -> {
            OnLoop onLoop = onThisLoop();
            if (onLoop != null && pipelined && !Span.current().getSpanContext().isSampled()) {
                return onLoop.pipeline().runThen(script, keys, args, next);
            }
            Redis client = onLoop == null ? shared : onLoop.client();
            return next == null ? script.run(client, keys, args) : script.runThen(client, keys, args, next);
        });
    }

    /** Null off the event loops (or when Quarkus' options were not seen). */
    private OnLoop onThisLoop() {
        if (perLoop.isEmpty() || !(io.vertx.core.Vertx.currentContext() instanceof ContextInternal context)
                || !context.isEventLoopContext()) {
            return null;
        }
        return clients.computeIfAbsent(context.nettyEventLoop(), loop -> createOn(context.unwrap()));
    }

    /** Created with the loop's own context current (not a request's), which the client keeps for its connections. */
    private OnLoop createOn(ContextInternal loop) {
        RedisOptions options = new RedisOptions(perLoop.get());
        String suffix = "-loop-" + created.incrementAndGet();
        // The copy shares Quarkus' NetClientOptions (Vert.x copies the pool's options, not these): renamed in place,
        // the shared client's metrics would move too. Their name reads "redis|<client name>" (Quarkus' convention).
        NetClientOptions connections = new NetClientOptions(options.getNetClientOptions());
        if (connections.getMetricsName() != null) {
            connections.setMetricsName(connections.getMetricsName() + suffix);
        }
        options.setPoolName(options.getPoolName() + suffix).setNetClientOptions(connections);
        Redis[] client = new Redis[1];
        loop.emit(null, ignored -> client[0] = Redis.createClient(vertx, options));
        return new OnLoop(client[0], new LoopPipeline(loop, client[0]));
    }

    @PreDestroy
    void close() {
        clients.values().forEach(onLoop -> onLoop.client().close());
    }

    private record OnLoop(Redis client, LoopPipeline pipeline) {
    }

    private static int ceilDiv(int total, int parts) {
        return (total + parts - 1) / parts;
    }
}
