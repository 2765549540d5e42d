package votes.ledger.identity;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.keys.ReactiveKeyCommands;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Response;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import votes.kit.identity.RevokedTokens;
import votes.kit.problem.Problem;
import votes.kit.problem.ProblemResponses;
import votes.kit.problem.ProblemType;

/**
 * The deny-list on the ledger's authenticated endpoints (issue 13 item 3): a token whose session was logged out, or
 * that was revoked itself, gets 401 token-revoked, one Redis EXISTS per request. When Redis cannot say, an endpoint
 * that needs {@code admin} (poll create/close, flag review, and the admin/auditor reads) fails closed (503 +
 * Retry-After: an admin's stolen token must not outlive its logout), the rest (a voter's receipt) fails open, as voting
 * does at ingest. Public endpoints and tokens without sid/jti (the dev issuer's) are never looked up.
 */
public class RevokedTokenFilter {

    private static final Logger LOG = Logger.getLogger(RevokedTokenFilter.class);
    private static final String ADMIN = "admin";

    private final CurrentIdentityAssociation identity;
    private final ReactiveKeyCommands<String> keys;
    private final Duration timeout;
    private final Duration retryAfter;
    /** An endpoint's roles never change: read its annotations once, not on every request. */
    private final Map<Method, Optional<Set<String>>> rolesByEndpoint = new ConcurrentHashMap<>();

    RevokedTokenFilter(CurrentIdentityAssociation identity, ReactiveRedisDataSource redis,
                       @ConfigProperty(name = "ledger.deny-list.timeout") Duration timeout,
                       @ConfigProperty(name = "ledger.deny-list.retry-after") Duration retryAfter) {
        this.identity = identity;
        this.keys = redis.key(String.class);
        this.timeout = timeout;
        this.retryAfter = retryAfter;
    }

    @ServerRequestFilter
    public Uni<Response> refuseRevoked(ResourceInfo resource) {
        Method endpoint = resource.getResourceMethod();
        Optional<Set<String>> roles = endpoint == null ? Optional.empty()
                : rolesByEndpoint.computeIfAbsent(endpoint, method -> requiredRoles(method, resource.getResourceClass()));
        if (roles.isEmpty()) {
            return Uni.createFrom().nullItem();
        }
        boolean failClosed = roles.get().contains(ADMIN);
        return identity.getDeferredIdentity()
                // A bad token is the endpoint's own security check to refuse (401 unauthenticated), not this filter's.
                .onFailure().recoverWithNull()
                .flatMap(caller -> check(caller, failClosed));
    }

    private Uni<Response> check(SecurityIdentity caller, boolean failClosed) {
        if (caller == null || caller.isAnonymous() || !(caller.getPrincipal() instanceof JsonWebToken token)) {
            return Uni.createFrom().nullItem();
        }
        List<String> denyKeys = RevokedTokens.keysOf(token);
        if (denyKeys.isEmpty()) {
            return Uni.createFrom().nullItem();
        }
        return Uni.createFrom().deferred(() -> keys.exists(denyKeys.toArray(String[]::new)))
                .ifNoItem().after(timeout).fail()
                .map(found -> found > 0 ? ProblemResponses.of(ProblemType.TOKEN_REVOKED,
                        "this token's session was logged out: sign in again") : null)
                .onFailure().recoverWithItem(failure -> {
                    LOG.debugf("deny-list not readable (%s): %s", failClosed ? "refused" : "let through", failure);
                    return failClosed ? ProblemResponses.of(Problem.of(ProblemType.UNAVAILABLE,
                            "the token deny-list cannot be read: admin actions wait until it can"), retryAfter) : null;
                });
    }

    /** The roles the endpoint requires (empty set: any signed-in caller), or empty when it is public. */
    private static Optional<Set<String>> requiredRoles(Method endpoint, Class<?> resourceClass) {
        Optional<Set<String>> onMethod = rolesOn(endpoint);
        return onMethod.isPresent() ? onMethod : rolesOn(resourceClass);
    }

    private static Optional<Set<String>> rolesOn(AnnotatedElement element) {
        if (element == null) {
            return Optional.empty();
        }
        RolesAllowed roles = element.getAnnotation(RolesAllowed.class);
        if (roles != null) {
            return Optional.of(Set.of(roles.value()));
        }
        return element.isAnnotationPresent(Authenticated.class) ? Optional.of(Set.of()) : Optional.empty();
    }
}
