package votes.kit.identity;

import jakarta.json.JsonString;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The deny-list's Redis keys (the brief's {@code token:blacklist:{...}}): one per ended session ({@code sid}, written
 * by a logout, lives as long as the longest access token of that session can) and one per revoked token ({@code jti},
 * lives until that token's exp). ingest writes them; ingest (inside its vote script) and the ledger read them. A
 * token that carries neither claim (the dev issuer's) is never denied.
 */
public final class RevokedTokens {

    public static final String PREFIX = "token:blacklist:";
    /** The claim naming the provider's session (OpenID Connect Session Management / Back-Channel Logout). */
    public static final String SID = "sid";

    private RevokedTokens() {
    }

    private static final String SESSION_PREFIX = PREFIX + "sid:";

    public static String sessionKey(String sid) {
        return SESSION_PREFIX + sid;
    }

    /** Whether a key of {@link #keysOf} denies a whole session (it lives as long as the session's tokens can). */
    public static boolean isSessionKey(String key) {
        return key.startsWith(SESSION_PREFIX);
    }

    public static String tokenKey(String jti) {
        return PREFIX + "jti:" + jti;
    }

    /** The keys whose presence denies this token: its session's and its own, those it has claims for. */
    public static List<String> keysOf(JsonWebToken token) {
        List<String> keys = new ArrayList<>(2);
        Object claim = token.getClaim(SID);
        // smallrye hands non-standard string claims over as JSON strings (whose toString keeps the quotes).
        String sid = claim instanceof JsonString json ? json.getString() : claim == null ? null : claim.toString();
        if (sid != null && !sid.isBlank()) {
            keys.add(sessionKey(sid));
        }
        String jti = token.getTokenID();
        if (jti != null && !jti.isBlank()) {
            keys.add(tokenKey(jti));
        }
        return keys;
    }
}
