package votes.ingest.vote;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import votes.ingest.overload.LoopLag;
import votes.ingest.overload.OverloadConfig;
import votes.ingest.overload.ShedReason;
import votes.ingest.overload.Shedding;
import votes.kit.problem.Problem;
import votes.kit.problem.ProblemType;

/**
 * Bounds the vote requests each event loop works on at once. One past the bound is answered 503 overloaded
 * (problem+json, Retry-After) right here, in a router filter, before the JWT's RSA check and the body — the
 * expensive parts — so that shedding stays cheap while the loop is saturated. The request's deadline starts
 * here too. A connection lives on one event loop, so a loop's count is only touched from its own thread but
 * for the gauge; an atomic costs nothing uncontended and stays right if a response ends elsewhere.
 * <p>
 * A second, tighter bound counts only the votes not yet handed to the log ({@link BeforeTheLog}): those pile up when
 * the instance itself cannot keep up (a cold JVM's first seconds, a saturated core, its Redis pool), and past the
 * bound they would only wait, so they get their 503 now ({@code behind}) instead of a 202 seconds late. Votes waiting
 * for the broker's ack do not count: a warm loop needs many of them in progress to sustain its rate, and a broker
 * failover, which leaves them waiting, must not turn into 503s where the log's replication promises none.
 */
@ApplicationScoped
public class ConcurrencyGate {

    /** Where the request's arrival (System.nanoTime()) is left for the resource, which derives the deadline. */
    public static final String ARRIVED_AT = "votes.ingest.arrivedAt";
    /** Where the request's {@link BeforeTheLog} is left for the resource, which hands it to the use case. */
    public static final String BEFORE_THE_LOG = "votes.ingest.beforeTheLog";
    // Right after the 413 check (as cheap, and a too-large body should not count), before security and body handling.
    public static final int ORDER = BodyLimit.ORDER + 10;

    // Runs a task on the calling event loop after the tasks queued there (runOnContext never runs inline).
    private static final Executor THIS_LOOP = task -> Vertx.currentContext().runOnContext(ignored -> task.run());

    private final List<AtomicInteger> loops = new CopyOnWriteArrayList<>();
    private final ThreadLocal<Loop> ownLoop = ThreadLocal.withInitial(this::newLoop);
    private final int bound;
    private final int beforeLogBound;
    private final long probeEveryNanos;
    private final Timer lags;
    private final Shedding shedding;
    private final Map<ShedReason, RouteProblem> overloaded = new EnumMap<>(ShedReason.class);

    public ConcurrencyGate(OverloadConfig config, Shedding shedding, ObjectMapper json, MeterRegistry metrics)
            throws JsonProcessingException {
        this.bound = config.maxConcurrentPerLoop();
        this.beforeLogBound = config.maxBeforeLogPerLoop();
        this.probeEveryNanos = config.lag().probeEvery().toNanos();
        this.lags = Timer.builder("votes.loop.lag")
                .serviceLevelObjectives(config.lag().buckets().toArray(Duration[]::new))
                .description("how long a task waited for its event loop, probed while votes arrive").register(metrics);
        this.shedding = shedding;
        for (ShedReason reason : List.of(ShedReason.CONCURRENCY, ShedReason.BEHIND)) {
            overloaded.put(reason, new RouteProblem(json, Problem.of(ProblemType.OVERLOADED, reason.detail()),
                    config.retryAfter()));
        }
        // Strong: a weakly held gauge vanishes from /q/metrics once its list is collected (seen in the ITs, where
        // several Quarkus apps start in one JVM and meters outlive an app); the list lives as long as the gate anyway.
        Gauge.builder("votes.http.in.flight", loops, all -> all.stream().mapToInt(AtomicInteger::get).sum())
                .strongReference(true)
                .description("vote requests being worked on, all event loops").register(metrics);
    }

    void install(@Observes Router router) {
        router.post(VoteResource.ROUTE).order(ORDER).handler(this::admit);
    }

    private void admit(RoutingContext context) {
        Loop loop = ownLoop.get();
        AtomicInteger inFlight = loop.inFlight();
        long now = System.nanoTime();
        loop.lag().observe(now, THIS_LOOP);
        int working = inFlight.incrementAndGet();
        int beforeLog = loop.beforeLog().incrementAndGet();
        ShedReason shed = working > bound ? ShedReason.CONCURRENCY
                : beforeLog > beforeLogBound ? ShedReason.BEHIND
                : null;
        if (shed != null) {
            inFlight.decrementAndGet();
            loop.beforeLog().decrementAndGet();
            shedding.count(shed);
            overloaded.get(shed).send(context, false);
            return;
        }
        BeforeTheLog place = new BeforeTheLog(loop.beforeLog());
        context.put(ARRIVED_AT, now);
        context.put(BEFORE_THE_LOG, place);
        // Called once the response is written or the connection failed: a slot is never leaked.
        context.addEndHandler(ended -> {
            inFlight.decrementAndGet();
            place.leave();
        });
        context.next();
    }

    private Loop newLoop() {
        AtomicInteger count = new AtomicInteger();
        loops.add(count);
        return new Loop(count, new AtomicInteger(), new LoopLag(probeEveryNanos,
                nanos -> lags.record(nanos, TimeUnit.NANOSECONDS)));
    }

    /** One event loop's vote requests in progress, those of them not yet handed to the log, and its lag. */
    private record Loop(AtomicInteger inFlight, AtomicInteger beforeLog, LoopLag lag) {
    }
}
