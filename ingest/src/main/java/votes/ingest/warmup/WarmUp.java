package votes.ingest.warmup;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.http.HttpServerStart;
import io.smallrye.jwt.auth.principal.ParseException;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;
import votes.ingest.fastpath.FastPathHealth;
import votes.ingest.overload.Deadline;
import votes.ingest.overload.Shedding;
import votes.ingest.vote.BeforeTheLog;
import votes.ingest.vote.SubmitVote;
import votes.ingest.vote.VoteOutcome;
import votes.ingest.vote.VoteOutcomeResponses;
import votes.ingest.vote.VoteRequestParser;
import votes.kit.identity.TokenCheckWarmUp;
import votes.kit.identity.TrustedIssuers;

/**
 * Runs the vote path on every event loop before the instance reports ready, with votes and requests that store
 * nothing. A freshly started ingest spent its first seconds of load compiling that path: with its votes queued behind
 * the compiler, the first 10 s after {@code ./vote up} answered 202s after ~3 s at p99 and shed ~20 %; the same stack
 * after 20 s of votes for no poll answered them within ~0.5 s and shed none, while 20 s of idling changed nothing
 * (perf/RESULTS.md, "The first seconds are a cold ingest"). Two parts:
 * <ol>
 *   <li>votes ({@link WarmUpVotes}: a poll that does not exist) straight into {@link SubmitVote}, each with the token
 *   check's full run on a token of the warm-up's own ({@link TokenCheckWarmUp#verify}): the request's parsing, the
 *   token's checks, the fast path's check and release in this loop's Redis client, the bot score, the poll lookup,
 *   the refusal's response; where every vote must bring proof of work, the challenge and its check before those;</li>
 *   <li>once the HTTP server listens, requests to itself ({@link WarmUpRequests}): the HTTP server, the router's
 *   filters, the REST layer and the bearer-token check, answered 401 at the signature.</li>
 * </ol>
 * It stops as soon as the fast path is degraded: a Redis that hangs would hold every warm-up vote for the Redis timeout
 * and the readiness for the warm-up's whole max time, to warm a path that votes do not take while Redis is down.
 */
@ApplicationScoped
public class WarmUp {

    private static final Logger LOG = Logger.getLogger(WarmUp.class);
    private static final String HTTP_PORT = "quarkus.http.port";

    private final SubmitVote submitVote;
    private final Shedding shedding;
    private final VoteRequestParser parser;
    private final WarmUpConfig config;
    private final Vertx vertx;
    private final FastPathHealth fastPath;
    private final TrustedIssuers issuers;
    private final CompletableFuture<Integer> listening = new CompletableFuture<>();
    private final CompletableFuture<Void> done = new CompletableFuture<>();
    private final OnEveryLoop votes;
    private final OnEveryLoop requests;
    private volatile TokenCheckWarmUp tokens;
    private volatile WarmUpRequests client;

    public WarmUp(SubmitVote submitVote, Shedding shedding, ObjectMapper json, WarmUpConfig config, Vertx vertx,
                  FastPathHealth fastPath, TrustedIssuers issuers) {
        this.submitVote = submitVote;
        this.shedding = shedding;
        this.parser = new VoteRequestParser(json);
        this.config = config;
        this.vertx = vertx;
        this.fastPath = fastPath;
        this.issuers = issuers;
        this.votes = new OnEveryLoop(config.votes(), this::vote, this::over);
        this.requests = new OnEveryLoop(config.requests(), i -> client.send(i), this::over);
    }

    /** Whether the warm-up is over (finished, given up after its max time, or configured off). */
    public boolean finished() {
        return done.isDone();
    }

    public long votesRun() {
        return votes.run();
    }

    /** How the warm-up's votes ended, by outcome (all {@code PollNotFound} when Redis and the ledger answer). */
    public Map<String, Long> outcomes() {
        return votes.outcomes();
    }

    public long requestsRun() {
        return requests.run();
    }

    /** The answers to the warm-up's requests, by status (all 401: their token is refused at the signature). */
    public Map<String, Long> requestStatuses() {
        return requests.outcomes();
    }

    void start(@Observes StartupEvent start) {
        if (config.votes() <= 0 && config.requests() <= 0) {
            done.complete(null);
            return;
        }
        long began = System.nanoTime();
        tokens = issuers.warmUp(Instant.now());
        votes.run(vertx, config.inFlightPerLoop())
                .thenCompose(ignored -> listening)
                .thenCompose(port -> {
                    // As many connections as the votes part had chains: the requests part starts as many.
                    client = new WarmUpRequests(vertx, port, tokens, votes.chains());
                    return requests.run(vertx, config.inFlightPerLoop());
                })
                .orTimeout(config.maxTime().toMillis(), TimeUnit.MILLISECONDS)
                .whenComplete((finished, failure) -> ended(began, failure));
    }

    /**
     * The HTTP server listens: the warm-up's requests may start. Its port as Quarkus registers it once bound (the
     * highest-ordinal config source), which is the kernel's pick where a test asks for port 0.
     */
    void listening(@ObservesAsync HttpServerStart server) {
        listening.complete(ConfigProvider.getConfig().getValue(HTTP_PORT, Integer.class));
    }

    private boolean over() {
        return done.isDone() || fastPath.degraded();
    }

    /** Warm-up vote i, with a full token check first; completes with its outcome's name. */
    private CompletionStage<String> vote(int i) {
        String refused = tokenCheck(i);
        parser.parse(WarmUpVotes.body(), null, null);
        return submitVote.submit(WarmUpVotes.vote(i), deadline(), BeforeTheLog.UNCOUNTED)
                .flatMap(outcome -> outcome instanceof VoteOutcome.ChallengeRequired challenged
                        ? pastTheChallenge(i, challenged) : Uni.createFrom().item(outcome))
                .map(outcome -> {
                    VoteOutcomeResponses.toResponse(outcome);
                    return refused != null ? refused : outcome.getClass().getSimpleName();
                })
                .subscribeAsCompletionStage();
    }

    /**
     * Vote i was asked for proof of work (every vote is, with {@code vote.abuse.challenge=always}): as a client's, the
     * challenge's answer, the vote again with a proof (the proof's check), and then, its proof being wrong, the path
     * a solved vote takes ({@link SubmitVote#submitWithoutProof}). Without this the warm-up warmed the challenge alone.
     */
    private Uni<VoteOutcome> pastTheChallenge(int i, VoteOutcome.ChallengeRequired challenged) {
        VoteOutcomeResponses.toResponse(challenged);
        return submitVote.submit(WarmUpVotes.answering(i, challenged.challenge()), deadline(), BeforeTheLog.UNCOUNTED)
                .flatMap(again -> again instanceof VoteOutcome.ChallengeRequired
                        ? submitVote.submitWithoutProof(WarmUpVotes.vote(i), deadline(), BeforeTheLog.UNCOUNTED)
                        : Uni.createFrom().item(again));
    }

    private Deadline deadline() {
        return shedding.deadlineFrom(System.nanoTime());
    }

    /** Null when the own-key check passed (or no issuer is trusted); else the outcome that names its refusal. */
    private String tokenCheck(int i) {
        if (!tokens.any()) {
            return null;
        }
        try {
            tokens.verify(i);
            return null;
        } catch (ParseException e) {
            return "TokenRefused";
        }
    }

    private void ended(long began, Throwable failure) {
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began);
        if (client != null) {
            client.close();
        }
        if (failure == null && fastPath.degraded()) {
            LOG.warnf("vote path warm-up stopped after %d ms with %d of %d votes and %d of %d requests run: the fast "
                    + "path is degraded (Redis does not answer) %s: ready anyway", millis, votesRun(), config.votes(),
                    requestsRun(), config.requests(), outcomes());
        } else if (failure == null) {
            LOG.infof("vote path warmed up in %d ms: %d votes for a poll that does not exist %s, %d requests to "
                    + "itself %s", millis, votesRun(), outcomes(), requestsRun(), requestStatuses());
        } else {
            LOG.warnf("vote path warm-up gave up after %d ms (vote.warm-up.max-time) with %d of %d votes %s and %d of "
                    + "%d requests %s run: ready anyway", millis, votesRun(), config.votes(), outcomes(),
                    requestsRun(), config.requests(), requestStatuses());
        }
        done.complete(null);
    }
}
