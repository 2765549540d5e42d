package votes.perf.swarm;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Casts a phase's planned votes at their due times (open model: a 1 ms tick sends whatever is due, whatever is still
 * under way), each from its own source address: one HTTP client per address, bound to it, kept for the run so an
 * address's votes share its connections as a browser's would. Everything runs on one event loop (the plan is a few
 * thousand votes; the solving happens elsewhere).
 */
final class SwarmRun {

    /** Connections per source address: a browser opens up to six to one origin. */
    static final int CONNECTIONS_PER_ADDRESS = 6;

    private final Vertx vertx;
    private final URI gateway;
    private final VoteFlow.Target target;
    private final Map<String, HttpClient> clients = new HashMap<>();

    SwarmRun(Vertx vertx, URI gateway, VoteFlow.Target target) {
        this.vertx = vertx;
        this.gateway = gateway;
        this.target = target;
    }

    /**
     * Runs the plan and answers every vote's result once all are done, or at {@code deadline} after the last due
     * time (what is still under way then counts as failed).
     *
     * @param tokens       voter -> token
     * @param nominalStart the instant the plan's token times are relative to (tokens were minted against it)
     */
    CompletableFuture<List<VoteResult>> run(List<PlannedVote> plan, Map<String, String> tokens, Instant nominalStart,
                                            Duration deadline) {
        CompletableFuture<List<VoteResult>> all = new CompletableFuture<>();
        Context context = vertx.getOrCreateContext();
        context.runOnContext(v -> new Schedule(context, plan, tokens, nominalStart, deadline, all).begin());
        return all;
    }

    /** Closes every per-address client. */
    void close() {
        clients.values().forEach(HttpClient::close);
        clients.clear();
    }

    private HttpClient clientFor(String address) {
        return clients.computeIfAbsent(address, a -> vertx.createHttpClient(new HttpClientOptions()
                .setDefaultHost(gateway.getHost()).setDefaultPort(gateway.getPort()).setLocalAddress(a)
                .setKeepAlive(true).setTcpNoDelay(true).setConnectTimeout(5_000),
                new PoolOptions().setHttp1MaxSize(CONNECTIONS_PER_ADDRESS)));
    }

    /** The mutable state of one run, confined to its event loop. */
    private final class Schedule {
        private final Context context;
        private final List<PlannedVote> plan;
        private final Map<String, String> tokens;
        private final Instant nominalStart;
        private final Duration deadline;
        private final CompletableFuture<List<VoteResult>> all;
        private final List<VoteFlow> flows = new ArrayList<>();
        private final List<CompletableFuture<VoteResult>> results = new ArrayList<>();
        private long startNanos;
        private boolean launchedAll;
        private int next;
        private long timer;

        Schedule(Context context, List<PlannedVote> plan, Map<String, String> tokens, Instant nominalStart,
                 Duration deadline, CompletableFuture<List<VoteResult>> all) {
            this.context = context;
            this.plan = plan;
            this.tokens = tokens;
            this.nominalStart = nominalStart;
            this.deadline = deadline;
            this.all = all;
        }

        void begin() {
            startNanos = System.nanoTime();
            timer = vertx.setPeriodic(1, id -> tick());
            tick();
        }

        private void tick() {
            long elapsedMillis = (System.nanoTime() - startNanos) / 1_000_000;
            while (next < plan.size() && plan.get(next).dueMillis() <= elapsedMillis) {
                launch(plan.get(next++));
            }
            if (next == plan.size() && !launchedAll) {
                launchedAll = true;
                vertx.cancelTimer(timer);
                long last = plan.isEmpty() ? 0 : plan.get(plan.size() - 1).dueMillis();
                long left = Math.max(1, last + deadline.toMillis() - elapsedMillis);
                vertx.setTimer(left, id -> flows.forEach(VoteFlow::abandon));
                CompletableFuture.allOf(results.toArray(CompletableFuture[]::new))
                        .thenRun(() -> all.complete(results.stream().map(CompletableFuture::join).toList()));
            }
        }

        private void launch(PlannedVote vote) {
            String token = tokens.get(vote.voter());
            if (token == null) {
                throw new IllegalStateException("no token minted for " + vote.voter());
            }
            VoteFlow flow = new VoteFlow(target, context, clientFor(vote.address()), vote, token);
            flows.add(flow);
            long intended = startNanos + vote.dueMillis() * 1_000_000;
            Instant issuedAt = nominalStart.plusMillis(vote.issuedAtMillis());
            long tokenAge = Duration.between(issuedAt, Instant.now()).toMillis();
            results.add(flow.start(intended, tokenAge));
        }
    }
}
