package votes.kit.identity;

import java.time.Duration;
import java.util.Set;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.VerificationKeyResolver;

/**
 * Verifies the provider's back-channel logout tokens: its signature on the same JWKS as its access tokens
 * ({@link JwksKeys}, RS256 only), {@code iss} = the provider, {@code aud} = one of the clients this deployment
 * registered the logout URL for, {@code iat} present and recent, {@code exp} when present; then the claims only a
 * logout token has ({@link LogoutToken#of}). Not smallrye's parser: that one wants the services' own audience and
 * an access token's required claims.
 */
public final class LogoutTokens {

    private final JwtConsumer consumer;

    LogoutTokens(String issuer, VerificationKeyResolver keys, Set<String> clients, Duration clockSkew,
                 Duration maxAge) {
        this.consumer = new JwtConsumerBuilder()
                .setVerificationKeyResolver(keys)
                .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, "RS256")
                .setExpectedIssuer(issuer)
                .setExpectedAudience(clients.toArray(String[]::new))
                .setRequireIssuedAt()
                .setIssuedAtRestrictions((int) clockSkew.toSeconds(), (int) maxAge.toSeconds())
                .setAllowedClockSkewInSeconds((int) clockSkew.toSeconds())
                .build();
    }

    /** @throws LogoutToken.InvalidLogoutToken when the token is not a valid logout token of the provider */
    public LogoutToken verify(String token) {
        try {
            return LogoutToken.of(consumer.processToClaims(token));
        } catch (InvalidJwtException e) {
            throw new LogoutToken.InvalidLogoutToken("not a logout token of the provider: " + e.getMessage());
        }
    }
}
