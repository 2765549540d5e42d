package votes.ingest.vote;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.regex.Pattern;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import votes.events.challenge.ChallengeRequired;
import votes.events.key.VoterIds;
import votes.ingest.overload.Deadline;
import votes.ingest.overload.Shedding;
import votes.kit.identity.RevokedTokens;
import votes.kit.log.LogIds;

/** {@code POST /api/v1/polls/{pollId}/votes}: reads the request, submits the vote, answers as the API says. */
@Path("/api/v1/polls/{pollId}/votes")
public class VoteResource {

    /** The same path as a Vert.x route, for the router filters that run before this resource. */
    public static final String ROUTE = "/api/v1/polls/:pollId/votes";

    // Poll ids end up in Redis keys and the log: anything else cannot be a poll the ledger made.
    private static final Pattern POLL_ID = Pattern.compile("[A-Za-z0-9._-]{1,100}");

    private final SubmitVote submitVote;
    private final VoterIds voterIds;
    private final JsonWebToken token;
    private final VoteRequestParser parser;
    private final Shedding shedding;

    public VoteResource(SubmitVote submitVote, VoterIds voterIds, JsonWebToken token, ObjectMapper json,
                        Shedding shedding) {
        this.submitVote = submitVote;
        this.voterIds = voterIds;
        this.token = token;
        this.parser = new VoteRequestParser(json);
        this.shedding = shedding;
    }

    @POST
    @RolesAllowed("voter")
    @Operation(summary = "Cast a vote", description = "202 only once the vote is durably on the log (acks=all).")
    @APIResponse(responseCode = "202", description = "accepted; Location names the receipt")
    @APIResponse(responseCode = "400", description = "malformed-request")
    @APIResponse(responseCode = "401", description = "unauthenticated, or token-revoked (its session was logged out)")
    @APIResponse(responseCode = "403", description = "forbidden, or challenge-required (with a challenge)")
    @APIResponse(responseCode = "404", description = "poll-not-found")
    @APIResponse(responseCode = "409", description = "duplicate-vote (with existingReceiptId)")
    @APIResponse(responseCode = "413", description = "payload-too-large (over 4 KiB)")
    @APIResponse(responseCode = "415", description = "unsupported-media-type")
    @APIResponse(responseCode = "422", description = "unknown-option or poll-not-open")
    @APIResponse(responseCode = "429", description = "rate-limited (Retry-After; key names the limit, or bot-score)")
    @APIResponse(responseCode = "503", description = "overloaded: shed, nothing stored; or unavailable: the log "
            + "cannot take the append, or did not acknowledge it in time (it may still land) (Retry-After)")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Response> vote(@RestPath String pollId, byte[] body,
                              @RestHeader("Idempotency-Key") String idempotencyKey,
                              @RestHeader("X-Device-Id") String deviceId,
                              @RestHeader(ChallengeRequired.PROOF_HEADER) String proof,
                              @RestHeader(ChallengeRequired.NONCE_HEADER) String proofNonce,
                              @RestHeader("User-Agent") String userAgent,
                              @RestHeader("Accept-Language") String acceptLanguage,
                              @RestHeader("Sec-CH-UA") String clientHints,
                              HttpServerRequest request, RoutingContext routing) {
        VoteRequestParser.Parsed parsed = parser.parse(body, idempotencyKey, deviceId);
        if (parsed instanceof VoteRequestParser.Invalid invalid) {
            return Uni.createFrom().item(VoteOutcomeResponses.toResponse(invalid.refusal()));
        }
        if (!POLL_ID.matcher(pollId).matches()) {
            return Uni.createFrom().item(VoteOutcomeResponses.toResponse(new VoteOutcome.PollNotFound(pollId)));
        }
        // Every line logged about this vote (and its access line) names the poll; this request's own MDC.
        MDC.put(LogIds.POLL_ID, pollId);
        VoteRequestParser.Valid valid = (VoteRequestParser.Valid) parsed;
        SocketAddress remote = request.remoteAddress();
        VoteCommand command = new VoteCommand(pollId, voterIds.of(token.getSubject()), voterIds.keyId(),
                valid.request().optionId(), valid.idempotencyKey(), valid.deviceId(),
                remote == null ? null : remote.hostAddress(), userAgent, proof, proofNonce, acceptLanguage, clientHints,
                issuedAt(), RevokedTokens.keysOf(token));
        BeforeTheLog place = routing.get(ConcurrencyGate.BEFORE_THE_LOG);
        return submitVote.submit(command, deadline(routing), place == null ? BeforeTheLog.UNCOUNTED : place)
                .map(VoteOutcomeResponses::toResponse);
    }

    /** The token's iat (a required claim, so present on every token that got this far). */
    private Instant issuedAt() {
        long seconds = token.getIssuedAtTime();
        return seconds > 0 ? Instant.ofEpochSecond(seconds) : null;
    }

    private Deadline deadline(RoutingContext routing) {
        Long arrived = routing.get(ConcurrencyGate.ARRIVED_AT);
        return shedding.deadlineFrom(arrived == null ? System.nanoTime() : arrived);
    }
}
