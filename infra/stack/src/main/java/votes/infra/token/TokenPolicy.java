package votes.infra.token;

import java.time.Duration;
import java.util.Map;

/**
 * What the services demand of a token and so what every minter must put in: the issuer, the one audience all
 * votes services share, and the longest lifetime (exp - iat) they accept. The same env vars configure the services
 * (JWT_ISSUER, JWT_AUDIENCE, JWT_MAX_TTL_SECONDS) and the minters, so the two cannot drift apart.
 */
public record TokenPolicy(String issuer, String audience, Duration maxTtl) {

    public static final String DEFAULT_ISSUER = "https://votes.local/dev";
    /** One audience for the whole system: a token minted for votes is refused by anything else, and vice versa. */
    public static final String DEFAULT_AUDIENCE = "votes";
    /** Voter tokens: long enough to open the page and vote, short enough that a leaked one soon stops working. */
    public static final Duration DEFAULT_MAX_TTL = Duration.ofMinutes(15);

    public TokenPolicy {
        if (maxTtl.isNegative() || maxTtl.isZero()) {
            throw new IllegalArgumentException("the token lifetime cap must be positive, got " + maxTtl);
        }
    }

    public static TokenPolicy defaults() {
        return new TokenPolicy(DEFAULT_ISSUER, DEFAULT_AUDIENCE, DEFAULT_MAX_TTL);
    }

    public static TokenPolicy fromEnv(Map<String, String> env) {
        String cap = env.get("JWT_MAX_TTL_SECONDS");
        return new TokenPolicy(env.getOrDefault("JWT_ISSUER", DEFAULT_ISSUER),
                env.getOrDefault("JWT_AUDIENCE", DEFAULT_AUDIENCE),
                cap == null || cap.isBlank() ? DEFAULT_MAX_TTL : Duration.ofSeconds(Long.parseLong(cap.trim())));
    }

    /** The env vars the services read (application.properties: mp.jwt.verify.*, smallrye.jwt.time-to-live). */
    public Map<String, String> serviceEnv() {
        return Map.of("JWT_ISSUER", issuer, "JWT_AUDIENCE", audience,
                "JWT_MAX_TTL_SECONDS", Long.toString(maxTtl.toSeconds()));
    }
}
