package votes.ingest.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static votes.ingest.it.IngestFixture.body;
import static votes.ingest.it.IngestFixture.sessionToken;
import static votes.ingest.it.IngestFixture.votesOn;
import static votes.ingest.it.VoteSubmissionIT.assertProblem;
import static votes.ingest.it.VoteSubmissionIT.vote;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.Test;
import votes.ingest.poll.PollCache;
import votes.kit.identity.RevokedTokens;

/**
 * The deny-list on the real test Redis (issue 13 item 3): check.lua reads it in the vote's one round trip, and the
 * caller's own logout writes it. Tokens here are the dev key's with a {@code sid}, as the realm's carry one.
 */
@QuarkusTest
@WithTestResource(IngestStackResource.class)
class TokenRevocationIT {

    /** vote.session.revoked-session-ttl's default: the lifetime cap plus the clock skew. */
    private static final Duration SESSION_TTL = Duration.ofSeconds(930);

    @Inject
    PollCache polls;

    @Inject
    Redis redis;

    @Test
    void aVoteWithATokenOfAnEndedSessionIs401TokenRevokedAndAppendsNothingWhileAnotherSessionOfTheVoterVotes() {
        String pollId = IngestFixture.openPoll(polls);
        String voter = "rita-" + UUID.randomUUID();
        String ended = "s-" + UUID.randomUUID();
        send(Request.cmd(Command.SET).arg(RevokedTokens.sessionKey(ended)).arg("1").arg("PX").arg(60_000));

        assertProblem(vote(pollId, sessionToken(voter, ended), body("a")), 401, "token-revoked");
        assertThat(votesOn(pollId)).as("nothing appended for the denied token").isEmpty();

        vote(pollId, sessionToken(voter, "s-" + UUID.randomUUID()), body("a")).then().statusCode(202);
    }

    @Test
    void theCallersOwnLogoutDeniesItsSessionAndItsTokenAtOnceEachForAsLongAsItCanLive() throws Exception {
        String pollId = IngestFixture.openPoll(polls);
        String sid = "s-" + UUID.randomUUID();
        String token = sessionToken("sam-" + UUID.randomUUID(), sid);

        given().header("Authorization", "Bearer " + token).post("/api/v1/sessions/logout").then().statusCode(204);

        assertProblem(vote(pollId, token, body("a")), 401, "token-revoked");
        long sessionTtl = send(Request.cmd(Command.PTTL).arg(RevokedTokens.sessionKey(sid)));
        assertThat(sessionTtl).isPositive().isLessThanOrEqualTo(SESSION_TTL.toMillis());
        JwtClaims claims = claimsOf(token);
        long tokenTtl = send(Request.cmd(Command.PTTL).arg(RevokedTokens.tokenKey(claims.getJwtId())));
        long tokenLife = claims.getExpirationTime().getValueInMillis() - System.currentTimeMillis();
        assertThat(tokenTtl).as("until the token's exp plus the clock skew")
                .isPositive().isLessThanOrEqualTo(tokenLife + Duration.ofSeconds(31).toMillis());
    }

    @Test
    void aBackChannelLogoutWithoutAValidLogoutTokenIsRefusedAndDeniesNothing() {
        assertProblem(given().contentType("application/x-www-form-urlencoded").formParam("other", "x")
                .post("/api/v1/sessions/backchannel-logout"), 400, "malformed-request");
        assertProblem(given().contentType("application/x-www-form-urlencoded")
                .formParam("logout_token", IngestFixture.token("mallory")) // an access token is no logout token
                .post("/api/v1/sessions/backchannel-logout"), 400, "malformed-request");
    }

    /** The token's claims, read without a check (the token is ours). */
    private static JwtClaims claimsOf(String token) throws Exception {
        return JwtClaims.parse(new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8));
    }

    private long send(Request request) {
        var response = redis.send(request).await().atMost(IngestFixture.PATIENCE);
        return response == null ? 0 : response.toString().equals("OK") ? 1 : response.toLong();
    }
}
