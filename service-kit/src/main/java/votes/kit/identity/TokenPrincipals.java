package votes.kit.identity;

import io.smallrye.jwt.auth.principal.DefaultJWTTokenParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.ParseException;
import org.jose4j.jwt.consumer.JwtContext;
import org.jose4j.keys.resolvers.VerificationKeyResolver;

/**
 * smallrye-jwt's own checks (RS256 only, iss, aud, exp, iat, the lifetime cap, required claims, roles), making a
 * {@link VerifiedToken} of what passes. The provider's tokens are verified with the signing key taken from its JWKS
 * ({@link JwksKeys}) instead of smallrye's key location, whose JWKS refresh fetches on the request's thread and forces
 * at most one refresh per whole minute; the dev issuer's with the key its configuration names.
 */
final class TokenPrincipals extends JWTCallerPrincipalFactory {

    private final DefaultJWTTokenParser parser;

    private TokenPrincipals(DefaultJWTTokenParser parser) {
        this.parser = parser;
    }

    /** Keys as the parser's {@link JWTAuthContextInfo} configures them (the dev issuer's key). */
    static TokenPrincipals configuredKeys() {
        return new TokenPrincipals(new DefaultJWTTokenParser());
    }

    /** Keys from {@code keys}, whatever the context says (the provider's JWKS). */
    static TokenPrincipals keysFrom(VerificationKeyResolver keys) {
        return new TokenPrincipals(new DefaultJWTTokenParser() {
            @Override
            protected VerificationKeyResolver getVerificationKeyResolver(JWTAuthContextInfo authContextInfo) {
                return keys;
            }
        });
    }

    @Override
    public JWTCallerPrincipal parse(String token, JWTAuthContextInfo authContextInfo) throws ParseException {
        JwtContext verified = parser.parse(token, authContextInfo);
        return new VerifiedToken(verified.getJoseObjects().get(0).getHeader("typ"), verified.getJwtClaims());
    }
}
