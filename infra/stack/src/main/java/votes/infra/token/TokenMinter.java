package votes.infra.token;

import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;

/**
 * Dev tokens as the services expect them: RS256, iss, aud, sub, upn, groups, iat, exp. It refuses a lifetime over
 * the policy's cap, since the services would refuse the token anyway (and a long-lived token is the thing a
 * leak makes dangerous). A negative lifetime is allowed: tests need expired tokens. Thread-safe.
 */
public final class TokenMinter {

    private final PrivateKey key;
    private final TokenPolicy policy;

    public TokenMinter(PrivateKey key, TokenPolicy policy) {
        this.key = key;
        this.policy = policy;
    }

    public TokenPolicy policy() {
        return policy;
    }

    /** A token that lives as long as the services allow. */
    public String mint(String subject, List<String> groups) {
        return mint(subject, groups, policy.maxTtl());
    }

    public String mint(String subject, List<String> groups, Duration ttl) {
        return mint(subject, groups, ttl, Instant.now());
    }

    /**
     * A token issued at {@code issuedAt} (iat; exp = iat + ttl): the bot-swarm benchmark mints a person's token
     * minutes before its use and a bot farm's all in the same second, as the bot score's token age sees them.
     */
    public String mint(String subject, List<String> groups, Duration ttl, Instant issuedAt) {
        checkWithinCap(ttl);
        JwtClaims claims = claims(subject, groups, ttl, issuedAt);
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key);
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        jws.setHeader("typ", "JWT");
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("Cannot sign a token for " + subject, e);
        }
    }

    /** The claims of a good token, unsigned and unchecked against the cap: what the tests spoil to forge bad ones. */
    public JwtClaims claims(String subject, List<String> groups, Duration ttl) {
        return claims(subject, groups, ttl, Instant.now());
    }

    private JwtClaims claims(String subject, List<String> groups, Duration ttl, Instant now) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(policy.issuer());
        claims.setAudience(policy.audience());
        claims.setSubject(subject);
        claims.setClaim("upn", subject);
        claims.setStringListClaim("groups", groups);
        claims.setIssuedAt(NumericDate.fromSeconds(now.getEpochSecond()));
        claims.setExpirationTime(NumericDate.fromSeconds(now.plus(ttl).getEpochSecond()));
        claims.setJwtId(UUID.randomUUID().toString());
        return claims;
    }

    /** prefix0 … prefix(count-1), in order; RSA signing is CPU-bound, so it uses every core. */
    public List<String> mintMany(String prefix, int count, List<String> groups, Duration ttl) {
        checkWithinCap(ttl);
        return IntStream.range(0, count).parallel().mapToObj(i -> mint(prefix + i, groups, ttl)).toList();
    }

    private void checkWithinCap(Duration ttl) {
        if (ttl.compareTo(policy.maxTtl()) > 0) {
            throw new TokenLifetimeException("a token may live at most " + policy.maxTtl().toSeconds()
                    + " s (JWT_MAX_TTL_SECONDS), not " + ttl.toSeconds() + " s");
        }
    }
}
