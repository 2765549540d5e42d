package votes.perf.load;

import io.vertx.core.AbstractVerticle;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.HdrHistogram.Histogram;
import votes.events.challenge.ChallengeRequired;
import votes.events.challenge.ChallengeRequired.Challenge;
import votes.perf.report.ChallengeCounts;
import votes.perf.report.LatencySummary;
import votes.perf.report.StatusCounts;

/**
 * One event loop's share of the load: its own HTTP client and bounded connection pool, its own histograms (so
 * nothing is shared between threads while measuring). Every callback runs on this verticle's event loop.
 */
final class LoadWorker extends AbstractVerticle {

    // The problem type of a shed request ends in this (ProblemType.OVERLOADED's slug): cheap to find in a 200-B body.
    private static final String SHED_TYPE = "/problems/overloaded\"";
    /** Challenges answered in a row for one request before it counts as refused. */
    private static final int MAX_CHALLENGES = 3;

    /** What every request of the run shares. */
    /**
     * @param localAddresses source addresses (127.0.0.0/8) the connections are spread over, so a per-address cap on
     *                       the server sees many clients; empty: the kernel's choice, one client
     */
    record Target(String host, int port, RequestShape shape, int connections, int waitQueue, long requestTimeoutMillis,
                  AnswerListener listener, List<String> localAddresses) {
    }

    /** One phase: {@code schedule} from {@code startNanos}; phase requests below {@code warmupCount} are not measured. */
    record Phase(ArrivalSchedule schedule, long startNanos, long warmupCount, long firstTargetIndex, long drainNanos) {
    }

    /** What one worker saw in one phase; {@code acceptedLatency} holds the expected answers (202s) only. */
    record Outcome(Histogram latency, Histogram acceptedLatency, Histogram sendLag, StatusCounts counts,
                   ChallengeCounts challenges) {
    }

    /** An HTTP answer as far as the counts care: its status, and for a 503 whether the server shed the request. */
    private record Answer(int status, boolean shed) {
    }

    /** The answer to a challenge, as the header it goes in. */
    private record Proof(java.util.Map<String, String> headers) {
    }

    private final int index;
    private final Target target;
    private HttpClient[] clients;

    LoadWorker(int index, Target target) {
        this.index = index;
        this.target = target;
    }

    @Override
    public void start(Promise<Void> started) {
        HttpClientOptions options = new HttpClientOptions()
                .setDefaultHost(target.host())
                .setDefaultPort(target.port())
                .setKeepAlive(true)
                .setPipelining(false)
                .setTcpNoDelay(true)
                .setConnectTimeout(5_000);
        List<String> sources = target.localAddresses().isEmpty() ? java.util.Collections.singletonList(null)
                : target.localAddresses();
        clients = new HttpClient[sources.size()];
        for (int c = 0; c < clients.length; c++) {
            PoolOptions pool = new PoolOptions().setHttp1MaxSize(Math.max(1, target.connections() / clients.length))
                    .setMaxWaitQueueSize(Math.max(1, target.waitQueue() / clients.length));
            clients[c] = vertx.createHttpClient(new HttpClientOptions(options).setLocalAddress(sources.get(c)), pool);
        }
        started.complete();
    }

    CompletableFuture<Outcome> run(Phase phase) {
        CompletableFuture<Outcome> done = new CompletableFuture<>();
        context.runOnContext(v -> new Run(phase, done).begin());
        return done;
    }

    /** The mutable state of one phase on this event loop. */
    private final class Run {
        private final Phase phase;
        private final CompletableFuture<Outcome> done;
        private final long own;
        private final Histogram latency = LatencySummary.newHistogram();
        private final Histogram acceptedLatency = LatencySummary.newHistogram();
        private final Histogram sendLag = LatencySummary.newHistogram();
        private final StatusCounts counts;
        private final ChallengeCounts challengeCounts = new ChallengeCounts();
        private long next;
        private long outstandingMeasured;
        private long outstanding;
        private long timer = -1;
        private boolean finished;

        Run(Phase phase, CompletableFuture<Outcome> done) {
            this.phase = phase;
            this.done = done;
            this.own = phase.schedule().countFor(index);
            this.counts = new StatusCounts(target.shape().expectedStatus());
        }

        void begin() {
            if (own == 0) {
                finish();
                return;
            }
            // A 1 ms tick sends everything that has become due; sending late is charged to latency (intended start).
            timer = vertx.setPeriodic(1, id -> tick());
            tick();
        }

        private void tick() {
            if (finished) {
                return;
            }
            long now = System.nanoTime();
            long due = phase.schedule().dueCountFor(index, now - phase.startNanos());
            while (next < due) {
                long j = phase.schedule().requestIndex(index, next++);
                send(j, phase.startNanos() + phase.schedule().intendedOffsetNanos(j), now);
            }
            if (next == own) {
                vertx.cancelTimer(timer);
                if (outstanding == 0) {
                    finish();
                } else {
                    vertx.setTimer(Math.max(1, phase.drainNanos() / 1_000_000), id -> finish());
                }
            }
        }

        private void send(long j, long intended, long now) {
            boolean measured = j >= phase.warmupCount();
            if (measured) {
                LatencySummary.recordNanos(sendLag, now - intended);
                outstandingMeasured++;
            }
            outstanding++;
            long i = phase.firstTargetIndex() + j;
            // Request i always leaves from the same source address: a per-address limit sees a steady set of clients.
            exchange(clients[(int) (i % clients.length)], i, null, 0, measured)
                    .onComplete(ar -> {
                        if (finished) {
                            return; // answered after the drain time: already counted as unfinished
                        }
                        outstanding--;
                        if (measured) {
                            outstandingMeasured--;
                            long took = System.nanoTime() - intended;
                            LatencySummary.recordNanos(latency, took);
                            if (ar.succeeded() && ar.result().shed()) {
                                counts.recordShed();
                            } else if (ar.succeeded()) {
                                counts.record(ar.result().status());
                                if (ar.result().status() == target.shape().expectedStatus()) {
                                    LatencySummary.recordNanos(acceptedLatency, took);
                                }
                            } else {
                                counts.recordFailure();
                            }
                        }
                        if (next == own && outstanding == 0) {
                            finish();
                        }
                    });
        }

        /**
         * Request i (again with a proof, when {@code proof} is set); a 403 challenge-required is solved on a worker
         * thread, never on this event loop, and the same request sent again with the proof, up to
         * {@link #MAX_CHALLENGES} in a row (a proof's window may run out while it is solved; an endless series is a
         * refusal, counted as the 403 it is).
         */
        private Future<Answer> exchange(HttpClient client, long i, Proof proof, int challenges, boolean measured) {
            RequestOptions request = target.shape().options(i).setIdleTimeout(target.requestTimeoutMillis());
            if (proof != null) {
                proof.headers().forEach(request::putHeader);
            }
            Buffer body = target.shape().body(i);
            return client.request(request)
                    .compose(req -> body == null ? req.send() : req.send(body))
                    .compose(resp -> resp.body().compose(b -> {
                        int status = resp.statusCode();
                        Optional<Challenge> challenge = status == 403 ? ChallengeRequired.in(b.toString()) : Optional.empty();
                        if (challenge.isPresent() && counting(measured)) {
                            challengeCounts.recordChallenge();
                        }
                        if (challenge.isPresent() && challenges < MAX_CHALLENGES) {
                            return solve(challenge.get(), measured).compose(p -> exchange(client, i, p, challenges + 1, measured));
                        }
                        if (challenge.isPresent() && counting(measured)) {
                            challengeCounts.recordGaveUp();
                        }
                        // Even past the drain: a late 202 is still an accepted vote.
                        target.listener().answered(i, status, b.toString());
                        return Future.succeededFuture(new Answer(status, status == 503 && b.toString().contains(SHED_TYPE)));
                    }));
        }

        private Future<Proof> solve(Challenge challenge, boolean measured) {
            long start = System.nanoTime();
            return vertx.executeBlocking(challenge::solve, false).map(proof -> {
                if (counting(measured)) {
                    challengeCounts.recordSolved(System.nanoTime() - start);
                }
                return new Proof(challenge.answer(proof));
            });
        }

        /** Measured, and the phase's outcome not handed over yet (it is read on another thread once it is). */
        private boolean counting(boolean measured) {
            return measured && !finished;
        }

        private void finish() {
            if (finished) {
                return;
            }
            finished = true;
            counts.recordUnfinished(outstandingMeasured);
            done.complete(new Outcome(latency, acceptedLatency, sendLag, counts, challengeCounts));
        }
    }
}
