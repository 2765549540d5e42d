package votes.ingest.it;

import static org.assertj.core.api.Assertions.assertThat;
import static votes.ingest.it.IngestFixture.body;
import static votes.ingest.it.IngestFixture.votesOn;
import static votes.ingest.it.VoteSubmissionIT.assertProblem;
import static votes.ingest.it.VoteSubmissionIT.vote;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Consumer;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import votes.infra.test.LocalStackResource;
import votes.infra.test.token.ForgedTokens;
import votes.ingest.poll.PollCache;

/**
 * Every token below is refused with 401 problem+json and appends nothing to votes.submitted: the algorithm is
 * pinned to RS256 with the stack's key, iss/aud/iat/exp are required, the lifetime is capped (15 min on the test
 * stack, as by default) and clocks may differ by 30 s at most.
 */
@QuarkusTest
@WithTestResource(IngestStackResource.class)
class ForgedTokensAreRefusedIT {

    @Inject
    PollCache polls;

    ForgedTokens forge;
    String pollId;

    @BeforeEach
    void poll() {
        forge = new ForgedTokens(LocalStackResource.stack());
        pollId = IngestFixture.openPoll(polls);
    }

    private static String voter() {
        return "forger-" + UUID.randomUUID();
    }

    private static Consumer<JwtClaims> at(String claim, Duration fromNow) {
        return c -> c.setNumericDateClaim(claim, NumericDate.fromSeconds(Instant.now().plus(fromNow).getEpochSecond()));
    }

    private void assertRefused(String token) {
        assertProblem(vote(pollId, token, body("a")), 401, "unauthenticated");
    }

    @Test
    void aWellFormedTokenAtTheCapIsAcceptedSoTheRefusalsBelowAreAboutTheirFlaw() {
        assertThat(vote(pollId, forge.signed(forge.voterClaims(voter())), body("a")).statusCode()).isEqualTo(202);
        assertThat(vote(pollId, IngestFixture.token(voter()), body("a")).statusCode()).isEqualTo(202);
        assertThat(votesOn(pollId)).hasSize(2);
    }

    @Test
    void tokensThatPickTheirOwnAlgorithmOrKeyAreRefused() {
        assertRefused(forge.unsigned(forge.voterClaims(voter())));
        assertRefused(forge.hmacWithThePublicKey(forge.voterClaims(voter())));
        assertRefused(forge.signedByAnotherKey(forge.voterClaims(voter())));
        assertThat(votesOn(pollId)).isEmpty();
    }

    @Test
    void aKidOrJkuHeaderPointingElsewhereIsNotFollowed() {
        JwtClaims claims = forge.voterClaims(voter());
        String token = forge.signedByAnotherKey(claims, jws -> {
            jws.setKeyIdHeaderValue("attacker-key-1");
            jws.setHeader("jku", "https://attacker.example/.well-known/jwks.json");
        });
        assertRefused(token);
        assertThat(votesOn(pollId)).isEmpty();
    }

    @Test
    void aWrongIssuerOrAWrongOrMissingAudienceIsRefused() {
        assertRefused(forge.signed(forge.voterClaims(voter(), c -> c.setIssuer("https://elsewhere.example"))));
        assertRefused(forge.signed(forge.voterClaims(voter(), c -> c.setAudience("some-other-api"))));
        assertRefused(forge.signed(forge.voterClaims(voter(), c -> c.unsetClaim("aud"))));
        assertRefused(forge.signed(forge.voterClaims(voter(), c -> c.unsetClaim("iss"))));
        assertThat(votesOn(pollId)).isEmpty();
    }

    @Test
    void aMissingOrPastExpiryIsRefusedWithAtMostThirtySecondsOfSkew() {
        assertRefused(forge.signed(forge.voterClaims(voter(), c -> c.unsetClaim("exp"))));
        assertRefused(forge.signed(forge.voterClaims(voter(), at("exp", Duration.ofMinutes(-10)))));
        // 45 s past exp: beyond the 30 s of clock skew we tolerate.
        assertRefused(forge.signed(forge.voterClaims(voter(), at("exp", Duration.ofSeconds(-45)))));
        assertThat(votesOn(pollId)).isEmpty();
    }

    @Test
    void aTokenNotYetValidIsRefused() {
        assertRefused(forge.signed(forge.voterClaims(voter(), at("nbf", Duration.ofMinutes(5)))));
        assertThat(votesOn(pollId)).isEmpty();
    }

    @Test
    void aLifetimeOverTheCapOrNoIssuedAtToMeasureItIsRefused() {
        assertRefused(forge.signed(forge.voterClaims(voter(), at("exp", Duration.ofMinutes(16)))));
        assertRefused(forge.signed(forge.voterClaims(voter(), at("exp", Duration.ofHours(24)))));
        assertRefused(forge.signed(forge.voterClaims(voter(), c -> c.unsetClaim("iat"))));
        assertThat(votesOn(pollId)).isEmpty();
    }
}
