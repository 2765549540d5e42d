package votes.ingest.identity;

import io.quarkus.runtime.Startup;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.ConfigProvider;
import votes.kit.identity.TrustedIssuers;

/**
 * Puts service-kit's {@link TrustedIssuers} in place of smallrye-jwt's one-issuer parser: Quarkus's bearer-token
 * check asks this bean. Here and not in service-kit because only the services that verify tokens carry smallrye-jwt.
 * Ingest also reads the provider's logout tokens with it, so the one instance is a bean of its own type too.
 */
@ApplicationScoped
public class TokenIssuers {

    /** Built at start (@Startup), not at the first request: the provider's keys are fetched before any token comes. */
    @Produces
    @Startup
    @Singleton
    @Typed(TrustedIssuers.class)
    TrustedIssuers trustedIssuers(JWTAuthContextInfo devIssuer) {
        return TrustedIssuers.fromConfig(devIssuer, ConfigProvider.getConfig());
    }

    @Produces
    @Alternative
    @Priority(1)
    @Singleton
    JWTParser parser(TrustedIssuers issuers) {
        return issuers;
    }
}
