package votes.kit.identity;

import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.DefaultJWTTokenParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.ParseException;
import org.jose4j.jwt.consumer.JwtContext;
import org.jose4j.keys.resolvers.VerificationKeyResolver;

/**
 * smallrye-jwt's own checks (RS256 only, iss, aud, exp, iat, the lifetime cap, required claims, roles) with the
 * signing key taken from an issuer's JWKS ({@link JwksKeys}) instead of smallrye's key location, whose JWKS refresh
 * fetches on the request's thread and forces at most one refresh per whole minute.
 */
final class JwksPrincipals extends JWTCallerPrincipalFactory {

    private final DefaultJWTTokenParser parser;

    JwksPrincipals(VerificationKeyResolver keys) {
        this.parser = new DefaultJWTTokenParser() {
            @Override
            protected VerificationKeyResolver getVerificationKeyResolver(JWTAuthContextInfo authContextInfo) {
                return keys;
            }
        };
    }

    @Override
    public JWTCallerPrincipal parse(String token, JWTAuthContextInfo authContextInfo) throws ParseException {
        JwtContext verified = parser.parse(token, authContextInfo);
        return new DefaultJWTCallerPrincipal(verified.getJoseObjects().get(0).getHeader("typ"),
                verified.getJwtClaims());
    }
}
