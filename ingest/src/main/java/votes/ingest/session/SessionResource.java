package votes.ingest.session;

import io.quarkus.security.Authenticated;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestForm;
import votes.kit.identity.LogoutToken;
import votes.kit.identity.LogoutTokens;
import votes.kit.identity.TrustedIssuers;
import votes.kit.problem.Problem;
import votes.kit.problem.ProblemResponses;
import votes.kit.problem.ProblemType;

/**
 * Sessions that end (issue 13 item 3): the provider's back-channel logout (OpenID Connect Back-Channel Logout 1.0) and
 * a signed-in caller's own logout both put what ended on the deny-list in Redis, which every vote's one round trip
 * reads (check.lua) and the ledger's filter too.
 */
@Path("/api/v1/sessions")
public class SessionResource {

    private static final Logger LOG = Logger.getLogger(SessionResource.class);
    /** Short: a failed write is for the provider (or the caller) to send again soon, not in a minute. */
    private static final Duration RETRY = Duration.ofSeconds(1);

    private final DenyList denyList;
    private final JsonWebToken token;
    private final Optional<LogoutTokens> logoutTokens;
    private final Duration clockSkew;
    private final Clock clock = Clock.systemUTC();

    public SessionResource(DenyList denyList, JsonWebToken token, TrustedIssuers issuers, SessionConfig config,
                           @ConfigProperty(name = "mp.jwt.verify.clock.skew") int clockSkewSeconds) {
        this.denyList = denyList;
        this.token = token;
        this.clockSkew = Duration.ofSeconds(clockSkewSeconds);
        this.logoutTokens = issuers.logoutTokens(config.logoutClients(), clockSkew, config.logoutTokenMaxAge());
    }

    @POST
    @Path("backchannel-logout")
    @PermitAll
    // A worker thread: the signature check may wait for a JWKS download when the token names a kid not yet held
    // (a rotated realm key), and that wait must not hold the event loop. Logouts are rare; a worker costs nothing.
    @Blocking
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "The provider's back-channel logout", description = "form field logout_token, a JWT signed "
            + "by the provider: its sid is denied for as long as the session's access tokens can live")
    @APIResponse(responseCode = "200", description = "the session is on the deny-list")
    @APIResponse(responseCode = "400", description = "malformed-request: not a valid logout token, or no sid")
    @APIResponse(responseCode = "503", description = "unavailable: Redis did not store the denial (Retry-After)")
    public Uni<Response> backchannelLogout(@RestForm("logout_token") String logoutToken) {
        if (logoutToken == null || logoutToken.isBlank()) {
            return refused("the form field logout_token is missing");
        }
        if (logoutTokens.isEmpty()) {
            return refused("this service trusts no identity provider (OIDC_ISSUER unset)");
        }
        LogoutToken verified;
        try {
            verified = logoutTokens.get().verify(logoutToken);
        } catch (LogoutToken.InvalidLogoutToken e) {
            LOG.infof("back-channel logout refused: %s", e.getMessage());
            return refused(e.getMessage());
        }
        if (verified.sid().isEmpty()) {
            // Every client registers backchannel.logout.session.required: a sub-only token (all of a user's sessions)
            // would need a per-user key on every vote; refused, so a misconfigured client shows in the provider's log.
            return refused("the logout token has no sid (the client must require the session)");
        }
        return stored(denyList.endSession(verified.sid().get()), Response.ok().header("Cache-Control", "no-store"));
    }

    @POST
    @Path("logout")
    @Authenticated
    @Operation(summary = "Log out this token's session at ingest and the ledger",
            description = "denies the bearer's sid (every token of its session) and its jti at once; to end the "
                    + "session at the provider too, the client calls its end_session endpoint (see the README)")
    @APIResponse(responseCode = "204", description = "denied: the same token now gets 401 token-revoked")
    @APIResponse(responseCode = "401", description = "unauthenticated, or token-revoked")
    @APIResponse(responseCode = "503", description = "unavailable: Redis did not store the denial (Retry-After)")
    public Uni<Response> logout() {
        return stored(denyList.revoke(token, clock.instant(), clockSkew), Response.noContent());
    }

    private static Uni<Response> stored(Uni<Void> write, Response.ResponseBuilder done) {
        return write.map(ignored -> done.build())
                .onFailure().recoverWithItem(failure -> {
                    LOG.warnf("deny-list write failed: %s", failure.toString());
                    return ProblemResponses.of(Problem.of(ProblemType.UNAVAILABLE,
                            "the deny-list could not be written; try again"), RETRY);
                });
    }

    private static Uni<Response> refused(String detail) {
        return Uni.createFrom().item(ProblemResponses.of(ProblemType.MALFORMED_REQUEST, detail));
    }
}
