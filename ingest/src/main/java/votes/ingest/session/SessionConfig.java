package votes.ingest.session;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;
import java.util.Set;

/** vote.session.* in application.properties: the deny-list's lifetimes and who may send logout tokens. */
@ConfigMapping(prefix = "vote.session")
public interface SessionConfig {

    /**
     * How long an ended session stays denied: the longest an access token of it can still be accepted (the lifetime
     * cap plus the clock skew). After that every token of the session has expired on its own.
     */
    Duration revokedSessionTtl();

    /** The clients whose back-channel logout URL is this service's: a logout token's aud must be one of them. */
    Set<String> logoutClients();

    /** How old a logout token's iat may be (Keycloak gives its logout tokens two minutes). */
    Duration logoutTokenMaxAge();

    /** How long Redis may take to write a denial before the logout answers 503. */
    Duration timeout();
}
