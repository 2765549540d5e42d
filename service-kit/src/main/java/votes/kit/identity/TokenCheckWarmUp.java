package votes.kit.identity;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.lang.JoseException;

/**
 * A service's token check run before it takes requests, with tokens that no request can use. A key pair made here, and
 * dropped with this object, signs one token per trusted issuer with that issuer's {@code iss}, audience and role claim
 * (and the {@code kid} of one of the provider's keys). {@link #verify} checks it with a parser built like that issuer's
 * but trusting only this key: the whole check passes, the claims and the principal included. That parser is reachable
 * from no request. {@link #refusedToken} is the same token as a request carries it: the service's own check takes it
 * through the RSA verification with the issuer's real key, which refuses it (a 401), so no trust is added anywhere.
 */
public final class TokenCheckWarmUp {

    /** Long enough for a warm-up (readiness waits 30 s at most), far under any lifetime cap. */
    static final Duration LIFETIME = Duration.ofMinutes(2);
    static final String SUBJECT = "votes-token-check-warm-up";
    private static final String ROLE = "voter";
    private static final String GROUPS = "groups";
    private static final int KEY_BITS = 2048;

    private final List<String> tokens = new ArrayList<>();
    private final List<JWTParser> ownKeyParsers = new ArrayList<>();

    /**
     * @param contexts     each trusted issuer's check, by issuer
     * @param providerKeys the provider's keys (null without a provider): a {@code kid} of them goes in its token, so that
     *                     the refused token reaches the RSA verification without asking the provider for a new key set
     */
    TokenCheckWarmUp(Map<String, JWTAuthContextInfo> contexts, String providerIssuer, JwksKeys providerKeys,
                     Instant now) {
        KeyPair own = keyPair();
        PublicKey ownPublic = own.getPublic();
        contexts.forEach((issuer, context) -> {
            String kid = issuer.equals(providerIssuer) && providerKeys != null
                    ? providerKeys.keys().keySet().stream().findFirst().orElse(null) : null;
            tokens.add(sign(claims(issuer, context, now), kid, own.getPrivate()));
            ownKeyParsers.add(new DefaultJWTParser(ownKeyOnly(context, ownPublic),
                    TokenPrincipals.keysFrom((jws, nesting) -> ownPublic)));
        });
    }

    /** Whether any issuer is trusted (else there is no check to warm). */
    public boolean any() {
        return !tokens.isEmpty();
    }

    /** Token {@code i} (round the trusted issuers): the service's own check refuses it at the signature. */
    public String refusedToken(int i) {
        return tokens.get(i % tokens.size());
    }

    /** Checks token {@code i} with its issuer's checks and the warm-up's own key: passes, as a valid token does. */
    public JsonWebToken verify(int i) throws ParseException {
        int at = i % tokens.size();
        return ownKeyParsers.get(at).parse(tokens.get(at));
    }

    /** The issuer's checks with every key source but the warm-up's own cleared (smallrye prefers a configured key). */
    private static JWTAuthContextInfo ownKeyOnly(JWTAuthContextInfo context, PublicKey own) {
        JWTAuthContextInfo copy = new JWTAuthContextInfo(context);
        copy.setPublicKeyLocation(null);
        copy.setPublicKeyContent(null);
        copy.setSecretVerificationKey(null);
        copy.setTokenKeyId(null);
        copy.setPublicVerificationKey(own);
        return copy;
    }

    private static JwtClaims claims(String issuer, JWTAuthContextInfo context, Instant now) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(issuer);
        if (context.getExpectedAudience() != null && !context.getExpectedAudience().isEmpty()) {
            claims.setAudience(List.copyOf(context.getExpectedAudience()));
        }
        claims.setSubject(SUBJECT);
        claims.setIssuedAt(NumericDate.fromSeconds(now.getEpochSecond()));
        claims.setExpirationTime(NumericDate.fromSeconds(now.plus(LIFETIME).getEpochSecond()));
        String path = context.getGroupsPath() == null ? GROUPS : context.getGroupsPath();
        String[] steps = path.split("/");
        Object value = List.of(ROLE);
        for (int step = steps.length - 1; step > 0; step--) {
            value = Map.of(steps[step], value);
        }
        claims.setClaim(steps[0], value);
        return claims;
    }

    private static String sign(JwtClaims claims, String kid, PrivateKey key) {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key);
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        jws.setHeader("typ", "JWT");
        if (kid != null) {
            jws.setKeyIdHeaderValue(kid);
        }
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("cannot sign the token check's warm-up token", e);
        }
    }

    private static KeyPair keyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(KEY_BITS);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("no RSA key pair generator", e);
        }
    }
}
