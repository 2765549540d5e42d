package votes.ingest.fastpath;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;
import votes.ingest.abuse.RateLimits;
import votes.ingest.receipt.Receipt;
import votes.ingest.receipt.RedisKeys;

/**
 * Asks Redis, in ONE round trip (a Lua script), everything it knows before a vote is appended: an earlier
 * answer to the same Idempotency-Key, an earlier vote of this voter in this poll, and the rate-limit
 * counters (bumped in the same call). Redis is only a fast path: if it is down or slower than
 * {@code vote.redis.timeout}, the vote goes on and the ledger's unique constraint decides.
 */
@ApplicationScoped
public class FastPath {

    private static final Logger LOG = Logger.getLogger(FastPath.class);
    private static final String SCRIPT_RESOURCE = "votes/ingest/fastpath/check.lua";
    // KEYS[2] must be a key of the voter's slot even when there is no Idempotency-Key to look up.
    private static final String NO_IDEMPOTENCY_KEY = "-";

    private final Redis redis;
    private final ObjectMapper json;
    private final FastPathConfig config;
    private final String script;
    private final String sha;

    public FastPath(Redis redis, ObjectMapper json, FastPathConfig config) {
        this.redis = redis;
        this.json = json;
        this.config = config;
        this.script = load();
        this.sha = sha1(script);
    }

    public Uni<FastPathVerdict> check(String voterId, String pollId, String idempotencyKey,
                                      List<RateLimits.Counter> counters, long counterTtlSeconds) {
        List<String> keys = new ArrayList<>(2 + counters.size());
        keys.add(RedisKeys.votedIn(voterId, pollId));
        keys.add(RedisKeys.idempotency(voterId, idempotencyKey == null ? NO_IDEMPOTENCY_KEY : idempotencyKey));
        counters.forEach(counter -> keys.add(counter.key()));
        List<String> args = List.of(Long.toString(counterTtlSeconds), idempotencyKey == null ? "0" : "1");
        return redis.send(call(Command.EVALSHA, sha, keys, args))
                // First call after a Redis restart: the script cache is empty; send the source once.
                .onFailure(FastPath::scriptMissing).recoverWithUni(() -> redis.send(call(Command.EVAL, script, keys, args)))
                .ifNoItem().after(config.timeout()).fail()
                .map(this::verdict)
                .onFailure().recoverWithItem(failure -> {
                    LOG.debugf("vote fast path skipped: %s", failure.toString());
                    return new FastPathVerdict.Skipped(failure.toString());
                });
    }

    private FastPathVerdict verdict(Response response) {
        String kind = response.get(0).toString();
        String stored = response.get(1).toString();
        if ("replay".equals(kind)) {
            return new FastPathVerdict.Replay(readReceipt(stored));
        }
        UUID existing = stored == null || stored.isEmpty() ? null : readReceipt(stored).receiptId();
        List<Long> counts = new ArrayList<>(response.size() - 2);
        for (int i = 2; i < response.size(); i++) {
            counts.add(response.get(i).toLong());
        }
        return new FastPathVerdict.Checked(existing, counts);
    }

    private Receipt readReceipt(String stored) {
        try {
            return json.readValue(stored, Receipt.Body.class).receipt();
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable receipt in Redis", e);
        }
    }

    private static Request call(Command command, String scriptOrSha, List<String> keys, List<String> args) {
        Request request = Request.cmd(command).arg(scriptOrSha).arg(keys.size());
        keys.forEach(request::arg);
        args.forEach(request::arg);
        return request;
    }

    private static boolean scriptMissing(Throwable failure) {
        return failure.getMessage() != null && failure.getMessage().startsWith("NOSCRIPT");
    }

    private static String load() {
        try (InputStream in = FastPath.class.getClassLoader().getResourceAsStream(SCRIPT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(SCRIPT_RESOURCE + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha1(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM ships SHA-1", e);
        }
    }
}
