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
 * With {@code vote.overload.behind.shed} on, while the loop is behind ({@link LoopLag}: a cold JVM, a saturated core)
 * the bound is the tighter {@code vote.overload.behind.max-concurrent-per-loop}: the votes past it would only wait in
 * the loop's queue, so they get their 503 now instead of a 202 late. A warm loop waiting on the broker's linger and
 * ack is not behind and keeps the full bound, which is what it needs to sustain its rate. Off by default: the burst
 * of acknowledgements after a broker failover leaves the loop behind for a moment too (perf/RESULTS.md).
 */
@ApplicationScoped
public class ConcurrencyGate {

    /** Where the request's arrival (System.nanoTime()) is left for the resource, which derives the deadline. */
    public static final String ARRIVED_AT = "votes.ingest.arrivedAt";
    // Right after the 413 check (as cheap, and a too-large body should not count), before security and body handling.
    public static final int ORDER = BodyLimit.ORDER + 10;

    // Runs a task on the calling event loop after the tasks queued there (runOnContext never runs inline).
    private static final Executor THIS_LOOP = task -> Vertx.currentContext().runOnContext(ignored -> task.run());

    private final List<AtomicInteger> loops = new CopyOnWriteArrayList<>();
    private final ThreadLocal<Loop> ownLoop = ThreadLocal.withInitial(this::newLoop);
    private final int bound;
    private final int behindBound;
    private final long behindLagNanos;
    private final OverloadConfig.Behind behind;
    private final Timer lags;
    private final Shedding shedding;
    private final Map<ShedReason, RouteProblem> overloaded = new EnumMap<>(ShedReason.class);

    public ConcurrencyGate(OverloadConfig config, Shedding shedding, ObjectMapper json, MeterRegistry metrics)
            throws JsonProcessingException {
        this.bound = config.maxConcurrentPerLoop();
        this.behind = config.behind();
        this.behindBound = behind.maxConcurrentPerLoop();
        // Not shedding while behind is a threshold no lag reaches: the probe and its metric stay.
        this.behindLagNanos = behind.shed() ? behind.lag().toNanos() : Long.MAX_VALUE;
        this.lags = Timer.builder("votes.loop.lag")
                .serviceLevelObjectives(behind.lagBuckets().toArray(Duration[]::new))
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
        // Every vote may send the loop's probe, so the lag is known (and exported) before it matters.
        boolean behindNow = loop.lag().observe(now, THIS_LOOP) > behindLagNanos;
        int working = inFlight.incrementAndGet();
        ShedReason shed = working > bound ? ShedReason.CONCURRENCY
                : behindNow && working > behindBound ? ShedReason.BEHIND
                : null;
        if (shed != null) {
            inFlight.decrementAndGet();
            shedding.count(shed);
            overloaded.get(shed).send(context, false);
            return;
        }
        context.put(ARRIVED_AT, now);
        // Called once the response is written or the connection failed: a slot is never leaked.
        context.addEndHandler(ended -> inFlight.decrementAndGet());
        context.next();
    }

    private Loop newLoop() {
        AtomicInteger count = new AtomicInteger();
        loops.add(count);
        return new Loop(count, new LoopLag(behind.probeEvery().toNanos(), behind.freshFor().toNanos(),
                nanos -> lags.record(nanos, TimeUnit.NANOSECONDS)));
    }

    /** One event loop's vote requests in progress and its lag. */
    private record Loop(AtomicInteger inFlight, LoopLag lag) {
    }
}
