package votes.ingest.session;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;
import votes.kit.identity.RevokedTokens;

/**
 * Writes the deny-list (the brief's {@code token:blacklist:*}): an ended session for as long as its tokens can live,
 * a revoked token until its own exp. Readers: check.lua on every vote, the ledger's filter. A write that Redis does
 * not confirm in time fails the logout (503): a logout is never answered done without its denial stored.
 */
@ApplicationScoped
public class DenyList {

    private static final String DENIED = "1";

    private final Redis redis;
    private final SessionConfig config;

    public DenyList(Redis redis, SessionConfig config) {
        this.redis = redis;
        this.config = config;
    }

    /** A session the provider ended (back-channel logout). */
    public Uni<Void> endSession(String sid) {
        return write(List.of(set(RevokedTokens.sessionKey(sid), config.revokedSessionTtl())));
    }

    /**
     * The caller's own logout: its session (if the token names one) and the token itself (if it has an id), so that
     * a token of another session of the same user keeps working. {@code clockSkew}: how long past exp a token is
     * still accepted. Nothing to write (a dev token) is done at once.
     */
    public Uni<Void> revoke(JsonWebToken token, Instant now, Duration clockSkew) {
        List<Request> writes = new ArrayList<>(2);
        for (String key : RevokedTokens.keysOf(token)) {
            Duration ttl = RevokedTokens.isSessionKey(key) ? config.revokedSessionTtl()
                    : Duration.ofSeconds(token.getExpirationTime() - now.getEpochSecond()).plus(clockSkew);
            writes.add(set(key, ttl));
        }
        return writes.isEmpty() ? Uni.createFrom().voidItem() : write(writes);
    }

    private static Request set(String key, Duration ttl) {
        return Request.cmd(Command.SET).arg(key).arg(DENIED).arg("PX").arg(Math.max(1, ttl.toMillis()));
    }

    /** One round trip whatever the number of keys. */
    private Uni<Void> write(List<Request> writes) {
        return redis.batch(writes).ifNoItem().after(config.timeout()).fail().replaceWithVoid();
    }
}
