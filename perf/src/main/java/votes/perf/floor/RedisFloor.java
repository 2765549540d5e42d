package votes.perf.floor;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisConnection;
import io.vertx.redis.client.RedisOptions;
import io.vertx.redis.client.Request;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One {@code EVALSHA} of a small Lua script (a first-seen check: SET NX with a TTL, then INCR of a counter, both
 * with expiry — the shape of ingest's dedupe and limit scripts) through the Vert.x Redis client ingest's
 * quarkus-redis-client wraps, on one connection with {@code inFlight} commands pipelined.
 */
public final class RedisFloor {

    /** The floor's script, also the Redis turns baseline's ({@code votes.perf.baseline.RedisTurnsBaseline}). */
    public static final String SCRIPT = "if redis.call('SET', KEYS[1], '1', 'NX', 'EX', ARGV[1]) then "
            + "local n = redis.call('INCR', KEYS[2]) redis.call('EXPIRE', KEYS[2], ARGV[1]) return n end return 0";

    /** Keys live a minute: the floor leaves nothing behind in the stack's Redis for long. */
    private static final String TTL_SECONDS = "60";

    private final String connectionString;
    private final int inFlight;

    /** {@code connectionString}: redis://user:password@127.0.0.1:port (the stack's ACL login). */
    public RedisFloor(String connectionString, int inFlight) {
        this.connectionString = connectionString;
        this.inFlight = inFlight;
    }

    public FloorCost measure(FloorMeter meter, String server, int warmup, int ops) throws Exception {
        Vertx vertx = Vertx.vertx();
        try {
            Redis client = Redis.createClient(vertx, new RedisOptions().setConnectionString(connectionString));
            RedisConnection connection = join(client.connect());
            String sha = join(connection.send(Request.cmd(Command.SCRIPT).arg("LOAD").arg(SCRIPT))).toString();
            long tag = System.nanoTime();
            run(connection, sha, "w" + tag, warmup);
            FloorCost cost = meter.measure("Redis EVALSHA", "Vert.x Redis client, one connection, " + inFlight
                    + " in flight; small Lua script (SET NX EX + INCR + EXPIRE)", ops, server,
                    () -> run(connection, sha, "m" + tag, ops));
            connection.close();
            client.close();
            return cost;
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    private void run(RedisConnection connection, String sha, String tag, int n) {
        AtomicLong next = new AtomicLong();
        List<CompletableFuture<Void>> lanes = new ArrayList<>();
        for (int i = 0; i < inFlight; i++) {
            CompletableFuture<Void> lane = new CompletableFuture<>();
            lanes.add(lane);
            sendNext(connection, sha, tag, n, next, lane);
        }
        CompletableFuture.allOf(lanes.toArray(CompletableFuture[]::new)).orTimeout(5, TimeUnit.MINUTES).join();
    }

    private void sendNext(RedisConnection connection, String sha, String tag, int n, AtomicLong next,
                          CompletableFuture<Void> lane) {
        long i = next.getAndIncrement();
        if (i >= n) {
            lane.complete(null);
            return;
        }
        Request evalsha = Request.cmd(Command.EVALSHA).arg(sha).arg(2)
                .arg("perf:floor:" + tag + ":" + i).arg("perf:floor:" + tag + ":n:" + (i % 1024)).arg(TTL_SECONDS);
        connection.send(evalsha).onComplete(ar -> {
            if (ar.failed()) {
                lane.completeExceptionally(ar.cause());
            } else {
                sendNext(connection, sha, tag, n, next, lane);
            }
        });
    }

    /** A Vert.x future's result, waited for at most 30 s (the Redis benchmarks' set-up calls). */
    public static <T> T join(Future<T> f) {
        return f.toCompletionStage().toCompletableFuture().orTimeout(30, TimeUnit.SECONDS).join();
    }
}
