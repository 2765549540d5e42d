package votes.ingest.fastpath;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Function;

/**
 * A Lua script of the fast path, run by its SHA (EVALSHA) so the source crosses the wire only once per Redis
 * start. No timeout here: each caller bounds the wait with {@code vote.redis.timeout}.
 */
public final class RedisScript {

    private final String source;
    private final String sha;

    private RedisScript(String source) {
        this.source = source;
        this.sha = sha1(source);
    }

    /** @param resource a class-path resource, e.g. {@code votes/ingest/fastpath/check.lua} */
    public static RedisScript load(String resource) {
        try (InputStream in = RedisScript.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing");
            }
            return new RedisScript(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String source() {
        return source;
    }

    public Uni<Response> run(Redis redis, List<String> keys, List<String> args) {
        return bySha(redis::send, keys, args);
    }

    /**
     * The script, then {@code next}, written together on one pooled connection (a pipeline, not a transaction): one
     * connection taken from the pool, one write, and both replies read together, where two sends would take two
     * connections and wake the caller's loop once per reply. Fails when either fails; the retry after a NOSCRIPT sends
     * {@code next} again, so it must be idempotent.
     *
     * @return the script's reply
     */
    public Uni<Response> runThen(Redis redis, List<String> keys, List<String> args, Request next) {
        return bySha(script -> redis.batch(List.of(script, next)), keys, args).map(replies -> replies.get(0));
    }

    /** Sends the call by SHA; after a Redis restart (an empty script cache: NOSCRIPT) once more with the source. */
    private <T> Uni<T> bySha(Function<Request, Uni<T>> send, List<String> keys, List<String> args) {
        return withSourceOnNoScript(withSource -> send.apply(request(withSource, keys, args)));
    }

    /**
     * {@code send(false)} (the scripts by SHA), and when Redis answers NOSCRIPT (a restart emptied its script cache)
     * {@code send(true)} once (the scripts with their sources, which also caches them).
     */
    static <T> Uni<T> withSourceOnNoScript(Function<Boolean, Uni<T>> send) {
        return send.apply(false).onFailure(RedisScript::scriptMissing).recoverWithUni(() -> send.apply(true));
    }

    /** The call: EVALSHA, or EVAL with the source (which also caches it) when {@code withSource}. */
    Request request(boolean withSource, List<String> keys, List<String> args) {
        Request request = Request.cmd(withSource ? Command.EVAL : Command.EVALSHA).arg(withSource ? source : sha)
                .arg(keys.size());
        keys.forEach(request::arg);
        args.forEach(request::arg);
        return request;
    }

    /** "NOSCRIPT …" from a send; a batch prefixes the failed command's place: "ERR [0] NOSCRIPT …". */
    private static boolean scriptMissing(Throwable failure) {
        return failure.getMessage() != null && failure.getMessage().contains("NOSCRIPT");
    }

    private static String sha1(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM ships SHA-1", e);
        }
    }
}
