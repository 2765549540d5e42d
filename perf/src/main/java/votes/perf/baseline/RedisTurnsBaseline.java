package votes.perf.baseline;

import com.sun.management.OperatingSystemMXBean;
import io.vertx.core.AsyncResult;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisOptions;
import io.vertx.redis.client.Request;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine.Option;
import votes.perf.cost.Components;
import votes.perf.cost.CpuMeter;
import votes.perf.cost.CpuSample;
import votes.perf.cost.IdleBurn;
import votes.perf.cost.Window;
import votes.perf.floor.RedisFloor;
import votes.perf.load.Durations;
import votes.perf.report.Medians;

/**
 * What Redis and its client spend per call when the calls of one event-loop turn go one per pooled connection (how
 * ingest settled votes before) or as one pipeline (ingest's {@code LoopPipeline}): at a fixed rate, every tick of one
 * event loop makes {@code --burst} calls (a script, then a SET behind it, the shape of a settlement), and the Redis
 * process's CPU and thread runs (beyond its idle burn) and this process's CPU are read around each run. The arms
 * alternate run by run on the same Redis.
 */
@picocli.CommandLine.Command(name = "redis-turns-baseline", mixinStandardHelpOptions = true,
        description = "Redis CPU per call: calls of one event-loop turn on a connection each, or pipelined together.")
public final class RedisTurnsBaseline implements Callable<Integer> {

    private static final OperatingSystemMXBean OS =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private static final String REDIS = "redis";
    private static final String TTL_SECONDS = "60";
    private static final Duration IDLE = Duration.ofSeconds(5);
    private static final long DRAIN_SECONDS = 30;

    @Option(names = "--redis-url", defaultValue = "${env:REDIS_URL}",
            description = "redis://user:password@127.0.0.1:port (env REDIS_URL: keeps the password off the command "
                    + "line).")
    String redisUrl;

    @Option(names = "--redis-pid", required = true, description = "Redis' process id (its CPU is what is measured).")
    long redisPid;

    @Option(names = "--rate", defaultValue = "4000", description = "Calls per second.")
    int rate;

    @Option(names = "--burst", defaultValue = "8", description = "Calls per tick of the event loop (one turn).")
    int burst;

    @Option(names = "--duration", defaultValue = "10s", converter = Durations.class, description = "Each run's length.")
    Duration duration;

    @Option(names = "--runs", defaultValue = "3", description = "Runs per arm, the arms alternating.")
    int runs;

    @Option(names = "--clock-ticks", defaultValue = "100", hidden = true)
    long clockTicks;

    @Option(names = "--proc", defaultValue = "/proc", hidden = true)
    Path proc;

    public static void main(String[] args) {
        System.exit(votes.perf.report.CliErrors.run(new RedisTurnsBaseline(), args));
    }

    @Override
    public Integer call() throws Exception {
        if (rate < 1 || rate > 100_000 || burst < 1 || burst > 256 || runs < 1 || runs > 10) {
            throw new IllegalArgumentException("bounded: rate 1-100,000/s, burst 1-256, runs 1-10");
        }
        long periodMs = Math.max(1, Math.round(1000.0 * burst / rate));
        CpuMeter meter = new CpuMeter(Components.of(REDIS, redisPid), proc, clockTicks);
        Vertx vertx = Vertx.vertx();
        try {
            RedisOptions options = new RedisOptions().setConnectionString(redisUrl)
                    .setMaxPoolSize(Math.max(6, 4 * burst)).setMaxPoolWaiting(64 * burst);
            Redis client = Redis.createClient(vertx, options);
            String sha = RedisFloor.join(client.send(Request.cmd(Command.SCRIPT).arg("LOAD").arg(RedisFloor.SCRIPT)))
                    .toString();
            Turns turns = new Turns(vertx, client, sha, burst, periodMs);
            turns.run(false, Duration.ofSeconds(3), "w");   // warm-up: connections, JIT
            turns.run(true, Duration.ofSeconds(3), "w");
            IdleBurn idle = meter.idle(IDLE);
            System.out.printf(Locale.ROOT, "redis turns: %d calls/s in bursts of %d every %d ms, %s a run, %d runs"
                    + " an arm; Redis idle %.2f ms/s%n", rate, burst, periodMs, duration, runs, idle.of(REDIS) / 1e3);
            List<Double> aloneRedis = new ArrayList<>();
            List<Double> pipedRedis = new ArrayList<>();
            for (int run = 1; run <= runs; run++) {
                aloneRedis.add(measure(meter, idle, turns, false, "alone", run));
                pipedRedis.add(measure(meter, idle, turns, true, "pipelined", run));
            }
            double alone = Medians.of(aloneRedis);
            double piped = Medians.of(pipedRedis);
            System.out.printf(Locale.ROOT, "REDIS_TURNS_SUMMARY rate=%d burst=%d redis_us_per_call_alone=%.2f"
                    + " redis_us_per_call_pipelined=%.2f ratio=%.2f%n", rate, burst, alone, piped, alone / piped);
            client.close();
            return 0;
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    /** @return Redis' µs per call in this run */
    private double measure(CpuMeter meter, IdleBurn idle, Turns turns, boolean pipelined, String arm, int run)
            throws Exception {
        CpuSample before = meter.sample();
        long client0 = OS.getProcessCpuTime();
        long calls = turns.run(pipelined, duration, arm + run);
        long client1 = OS.getProcessCpuTime();
        Window window = new Window(before, meter.sample());
        double redisUs = window.perEvent(REDIS, idle.of(REDIS), calls);
        double redisRuns = window.runsPerEvent(REDIS, idle.runsOf(REDIS), calls);
        System.out.printf(Locale.ROOT, "REDIS_TURNS arm=%s run=%d calls=%d seconds=%.1f redis_us_per_call=%.2f"
                        + " redis_runs_per_call=%.3f client_us_per_call=%.2f%n", arm, run, calls, window.seconds(),
                redisUs, redisRuns, (client1 - client0) / 1e3 / calls);
        return redisUs;
    }

    /** Bursts of calls on one event loop, one burst a tick. */
    private record Turns(Vertx vertx, Redis client, String sha, int burst, long periodMs) {

        /** @return the calls made; returns when every reply is in */
        long run(boolean pipelined, Duration length, String tag) throws Exception {
            long ticks = Math.max(1, length.toMillis() / periodMs);
            AtomicLong sent = new AtomicLong();
            AtomicLong answered = new AtomicLong();
            CompletableFuture<Void> done = new CompletableFuture<>();
            long total = ticks * burst;
            vertx.runOnContext(start -> vertx.setPeriodic(periodMs, timer -> {
                List<Request> calls = new ArrayList<>(2 * burst);
                for (int i = 0; i < burst; i++) {
                    String key = "perf:turns:" + tag + ":" + sent.getAndIncrement();
                    calls.add(Request.cmd(Command.EVALSHA).arg(sha).arg(2).arg(key).arg(key + ":n").arg(TTL_SECONDS));
                    calls.add(Request.cmd(Command.SET).arg(key + ":r").arg("receipt").arg("EX").arg(TTL_SECONDS));
                }
                if (pipelined) {
                    client.batch(calls).onComplete(ar -> count(ar, burst, answered, total, done));
                } else {
                    for (int i = 0; i < burst; i++) {
                        client.batch(calls.subList(2 * i, 2 * i + 2))
                                .onComplete(ar -> count(ar, 1, answered, total, done));
                    }
                }
                if (sent.get() >= total) {
                    vertx.cancelTimer(timer);
                }
            }));
            done.get(length.toSeconds() + DRAIN_SECONDS, TimeUnit.SECONDS);
            return total;
        }

        private static void count(AsyncResult<?> reply, int calls, AtomicLong answered, long total,
                                  CompletableFuture<Void> done) {
            if (reply.failed()) {
                done.completeExceptionally(reply.cause());
            } else if (answered.addAndGet(calls) >= total) {
                done.complete(null);
            }
        }
    }
}
