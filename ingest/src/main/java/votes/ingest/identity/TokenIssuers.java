package votes.ingest.identity;

import io.quarkus.runtime.Startup;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import org.eclipse.microprofile.config.ConfigProvider;
import votes.kit.identity.TrustedIssuers;

/**
 * Puts service-kit's {@link TrustedIssuers} in place of smallrye-jwt's one-issuer parser: Quarkus's bearer-token
 * check asks this bean. Here and not in service-kit because only the services that verify tokens carry smallrye-jwt.
 */
@ApplicationScoped
public class TokenIssuers {

    /** Built at start (@Startup), not at the first request: the provider's keys are fetched before any token comes. */
    @Produces
    @Startup
    @Alternative
    @Priority(1)
    @ApplicationScoped
    JWTParser trustedIssuers(JWTAuthContextInfo devIssuer) {
        return TrustedIssuers.fromConfig(devIssuer, ConfigProvider.getConfig());
    }
}
