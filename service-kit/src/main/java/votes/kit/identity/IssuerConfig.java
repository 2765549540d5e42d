package votes.kit.identity;

import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/**
 * Which issuers a service trusts (votes.identity.*; the service's application.properties maps them from
 * VOTE_TRUST_DEV_ISSUER, OIDC_ISSUER, OIDC_AUDIENCE, OIDC_JWKS_URI, OIDC_ROLES_PATH).
 *
 * @param trustDevIssuer whether the stack's dev key (mp.jwt.verify.*) still signs valid tokens
 * @param oidcIssuer     the provider's {@code iss}; empty: no provider
 * @param oidcAudience   the {@code aud} this service requires in the provider's tokens
 * @param jwksUri        where the provider's keys are; empty: Keycloak's {@code <issuer>/protocol/openid-connect/certs}
 * @param rolesPath      the claim holding the provider's roles ({@code realm_access/roles} for Keycloak realm roles)
 */
record IssuerConfig(boolean trustDevIssuer, Optional<String> oidcIssuer, String oidcAudience, Optional<String> jwksUri,
                    String rolesPath, JwksSettings jwks) {

    private static final String PREFIX = "votes.identity.";
    private static final String KEYCLOAK_CERTS = "/protocol/openid-connect/certs";

    static IssuerConfig from(Config config) {
        return new IssuerConfig(
                config.getValue(PREFIX + "dev-issuer.trusted", Boolean.class),
                config.getOptionalValue(PREFIX + "oidc.issuer", String.class).filter(s -> !s.isBlank()),
                config.getValue(PREFIX + "oidc.audience", String.class),
                config.getOptionalValue(PREFIX + "oidc.jwks-uri", String.class).filter(s -> !s.isBlank()),
                config.getValue(PREFIX + "oidc.roles-path", String.class),
                new JwksSettings(config.getValue(PREFIX + "jwks.refresh-interval", Duration.class),
                        config.getValue(PREFIX + "jwks.unknown-kid-gap", Duration.class),
                        config.getValue(PREFIX + "jwks.unknown-kid-wait", Duration.class),
                        config.getValue(PREFIX + "jwks.fetch-timeout", Duration.class)));
    }

    String jwksLocation(String issuer) {
        return jwksUri.orElse(issuer + KEYCLOAK_CERTS);
    }
}
