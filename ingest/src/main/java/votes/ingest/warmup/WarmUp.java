package votes.ingest.warmup;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.channel.EventLoop;
import io.netty.util.concurrent.EventExecutor;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import io.vertx.core.impl.ContextInternal;
import io.vertx.core.impl.VertxInternal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.jboss.logging.Logger;
import votes.ingest.fastpath.FastPathHealth;
import votes.ingest.overload.Shedding;
import votes.ingest.vote.BeforeTheLog;
import votes.ingest.vote.SubmitVote;
import votes.ingest.vote.VoteOutcome;
import votes.ingest.vote.VoteOutcomeResponses;
import votes.ingest.vote.VoteRequestParser;

/**
 * Runs the vote path on every event loop before the instance reports ready, for votes that store nothing
 * ({@link WarmUpVotes}: a poll that does not exist). A freshly started ingest spent its first seconds of load compiling
 * that path: with its votes queued behind the compiler, the first 10 s after {@code ./vote up} answered 202s after
 * ~3 s at p99 and shed ~20 %; the same stack after 20 s of votes for no poll answered them within ~0.5 s and shed none,
 * while 20 s of idling changed nothing (perf/RESULTS.md, "The first seconds are a cold ingest"). Each vote takes the
 * path short of the log: the request's parsing, the fast path's check and release in this loop's Redis client, the
 * bot score, the poll lookup, the refusal's response. It stops as soon as the fast path is degraded: a Redis that
 * hangs would hold every warm-up vote for the Redis timeout and the readiness for the warm-up's whole max time, to warm
 * a path that votes do not take while Redis is down.
 */
@ApplicationScoped
public class WarmUp {

    private static final Logger LOG = Logger.getLogger(WarmUp.class);

    private final SubmitVote submitVote;
    private final Shedding shedding;
    private final VoteRequestParser parser;
    private final WarmUpConfig config;
    private final Vertx vertx;
    private final FastPathHealth fastPath;
    private final AtomicInteger next = new AtomicInteger();
    private final LongAdder run = new LongAdder();
    private final Map<String, LongAdder> outcomes = new ConcurrentHashMap<>();
    private final CompletableFuture<Void> done = new CompletableFuture<>();

    public WarmUp(SubmitVote submitVote, Shedding shedding, ObjectMapper json, WarmUpConfig config, Vertx vertx,
                  FastPathHealth fastPath) {
        this.submitVote = submitVote;
        this.shedding = shedding;
        this.parser = new VoteRequestParser(json);
        this.config = config;
        this.vertx = vertx;
        this.fastPath = fastPath;
    }

    /** Whether the warm-up is over (finished, given up after its max time, or configured off). */
    public boolean finished() {
        return done.isDone();
    }

    public long votesRun() {
        return run.sum();
    }

    /** How the warm-up's votes ended, by outcome (all {@code PollNotFound} when Redis and the ledger answer). */
    public Map<String, Long> outcomes() {
        Map<String, Long> counts = new TreeMap<>();
        outcomes.forEach((outcome, count) -> counts.put(outcome, count.sum()));
        return counts;
    }

    void start(@Observes StartupEvent start) {
        if (config.votes() <= 0) {
            done.complete(null);
            return;
        }
        long began = System.nanoTime();
        List<CompletableFuture<Void>> chains = new ArrayList<>();
        VertxInternal internal = (VertxInternal) vertx;
        for (EventExecutor loop : vertx.nettyEventLoopGroup()) {
            ContextInternal context = internal.createEventLoopContext((EventLoop) loop, null,
                    Thread.currentThread().getContextClassLoader());
            for (int c = 0; c < config.inFlightPerLoop(); c++) {
                CompletableFuture<Void> chain = new CompletableFuture<>();
                ContextInternal request = context.duplicate();
                request.runOnContext(ignored -> nextVote(request, chain));
                chains.add(chain);
            }
        }
        CompletableFuture.allOf(chains.toArray(CompletableFuture[]::new))
                .orTimeout(config.maxTime().toMillis(), TimeUnit.MILLISECONDS)
                .whenComplete((finished, failure) -> {
                    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began);
                    if (failure == null && fastPath.degraded()) {
                        LOG.warnf("vote path warm-up stopped after %d ms with %d of %d votes run: the fast path is "
                                + "degraded (Redis does not answer) %s: ready anyway", millis, votesRun(), config.votes(),
                                outcomes());
                    } else if (failure == null) {
                        LOG.infof("vote path warmed up: %d votes for a poll that does not exist in %d ms %s",
                                votesRun(), millis, outcomes());
                    } else {
                        LOG.warnf("vote path warm-up gave up after %d ms (vote.warm-up.max-time) with %d of %d votes "
                                + "run %s: ready anyway", millis, votesRun(), config.votes(), outcomes());
                    }
                    done.complete(null);
                });
    }

    /**
     * The chain's next vote, on its own event loop, until the warm-up's votes are all taken, it is over, or the fast
     * path is degraded.
     */
    private void nextVote(ContextInternal context, CompletableFuture<Void> chain) {
        int i = next.getAndIncrement();
        if (i >= config.votes() || done.isDone() || fastPath.degraded()) {
            chain.complete(null);
            return;
        }
        parser.parse(WarmUpVotes.body(), null, null);
        submitVote.submit(WarmUpVotes.vote(i), shedding.deadlineFrom(System.nanoTime()),
                        BeforeTheLog.UNCOUNTED)
                .subscribe().with(
                        outcome -> ended(context, chain, outcome.getClass().getSimpleName(), outcome),
                        failure -> ended(context, chain, failure.getClass().getSimpleName(), null));
    }

    private void ended(ContextInternal context, CompletableFuture<Void> chain, String how, VoteOutcome outcome) {
        if (outcome != null) {
            VoteOutcomeResponses.toResponse(outcome);
        }
        run.increment();
        outcomes.computeIfAbsent(how, key -> new LongAdder()).increment();
        // Back on the chain's loop (a timed-out Redis wait ends on Mutiny's timer thread), and never recursively.
        context.runOnContext(ignored -> nextVote(context, chain));
    }
}
