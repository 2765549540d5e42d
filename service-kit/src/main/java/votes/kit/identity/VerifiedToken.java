package votes.kit.identity;

import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipal;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.jwt.Claims;
import org.jose4j.jwt.JwtClaims;

/**
 * smallrye-jwt's principal, with its claims read the same way but a claim's kind looked up in a map: smallrye asks
 * {@code Claims.valueOf(name)}, which throws (and fills a stack trace ~100 frames deep on a request's thread) for every
 * claim the MicroProfile enum does not name. Every vote reads {@code sid} (the deny-list's session key), which is one
 * of them, and a provider's token carries many more ({@code scope}, {@code azp}, {@code realm_access}, ...).
 */
final class VerifiedToken extends DefaultJWTCallerPrincipal {

    private static final Map<String, Claims> KINDS = Arrays.stream(Claims.values())
            .collect(Collectors.toUnmodifiableMap(Claims::name, Function.identity()));

    VerifiedToken(String tokenType, JwtClaims claims) {
        super(tokenType, claims);
    }

    /** What {@code Claims.valueOf} answers, {@link Claims#UNKNOWN} where it would throw. */
    @Override
    protected Claims getClaimType(String claimName) {
        return KINDS.getOrDefault(claimName, Claims.UNKNOWN);
    }
}
