package votes.ingest.vote;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
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
 */
@ApplicationScoped
public class ConcurrencyGate {

    /** Where the request's arrival (System.nanoTime()) is left for the resource, which derives the deadline. */
    public static final String ARRIVED_AT = "votes.ingest.arrivedAt";
    // Right after the 413 check (as cheap, and a too-large body should not count), before security and body handling.
    private static final int ORDER = BodyLimit.ORDER + 10;

    private final List<AtomicInteger> loops = new CopyOnWriteArrayList<>();
    private final ThreadLocal<AtomicInteger> ownLoop = ThreadLocal.withInitial(this::newLoopCount);
    private final int bound;
    private final Shedding shedding;
    private final RouteProblem overloaded;

    public ConcurrencyGate(OverloadConfig config, Shedding shedding, ObjectMapper json, MeterRegistry metrics)
            throws JsonProcessingException {
        this.bound = config.maxConcurrentPerLoop();
        this.shedding = shedding;
        this.overloaded = new RouteProblem(json, Problem.of(ProblemType.OVERLOADED, ShedReason.CONCURRENCY.detail()),
                config.retryAfter());
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
        AtomicInteger inFlight = ownLoop.get();
        if (inFlight.incrementAndGet() > bound) {
            inFlight.decrementAndGet();
            shedding.count(ShedReason.CONCURRENCY);
            overloaded.send(context, false);
            return;
        }
        context.put(ARRIVED_AT, System.nanoTime());
        // Called once the response is written or the connection failed: a slot is never leaked.
        context.addEndHandler(ended -> inFlight.decrementAndGet());
        context.next();
    }

    private AtomicInteger newLoopCount() {
        AtomicInteger count = new AtomicInteger();
        loops.add(count);
        return count;
    }
}
