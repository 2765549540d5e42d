package votes.infra.redis.acl;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import votes.infra.secret.StackSecrets;

/**
 * The stack's one Redis ACL user (ingest's fast path and the ledger's accepted receipts share the same keys) and
 * its generated password; the password never appears in {@link #toString()}.
 */
public record RedisLogin(String user, String password) {

    public static final String USER = "votes";
    public static final String SECRET = "redis-votes";

    /**
     * What the user may run: every command but {@code @dangerous} (FLUSHALL, KEYS, CONFIG, DEBUG, SHUTDOWN,
     * MONITOR, ACL, CLIENT, INFO...), on every key and channel. The services use SET, GET, EVAL/EVALSHA and SCRIPT
     * LOAD (their Lua scripts SET/GET/DEL/INCR/EXPIRE), so a narrower list would tie this file to every script
     * change; what matters is that a stolen password cannot wipe, reconfigure or stop Redis.
     */
    public static final String RULES = "~* &* +@all -@dangerous";

    public static RedisLogin of(StackSecrets secrets) {
        return new RedisLogin(USER, secrets.get(SECRET));
    }

    /**
     * The ACL file Redis loads at start: the default user (what an unauthenticated connection is) disabled, so
     * without AUTH every command answers NOAUTH; ours with the SHA-256 of its password, not the password itself.
     */
    public String aclFile() {
        return "user default off resetkeys -@all\n"
                + "user " + user + " on #" + sha256(password) + " " + RULES + "\n";
    }

    /** The URL the Quarkus Redis client takes: it sends AUTH user password (HELLO) on every connection. */
    public String url(int port) {
        return "redis://" + user + ":" + password + "@127.0.0.1:" + port;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return "RedisLogin[user=" + user + ", password=****]";
    }
}
