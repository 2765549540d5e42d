package votes.ingest.vote;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import votes.events.receipt.AcceptedReceipt;
import votes.ingest.abuse.ProofOfWork;

class VoteOutcomeResponsesTest {

    private static Map<?, ?> body(Response response) {
        return (Map<?, ?>) response.getEntity();
    }

    private static void assertProblem(VoteOutcome outcome, int status, String slug) {
        Response response = VoteOutcomeResponses.toResponse(outcome);
        assertThat(response.getStatus()).isEqualTo(status);
        assertThat(response.getMediaType().toString()).isEqualTo("application/problem+json");
        assertThat(body(response).get("type")).isEqualTo("https://votes.dev/problems/" + slug);
        assertThat(body(response).get("status")).isEqualTo(status);
    }

    @Test
    void anAcceptedVoteAnswers202WithTheReceiptAndItsLocation() {
        UUID id = UUID.randomUUID();
        AcceptedReceipt receipt = AcceptedReceipt.of(id, "p1", "a", Instant.parse("2026-11-21T10:00:00Z"));
        Response response = VoteOutcomeResponses.toResponse(new VoteOutcome.Accepted(receipt, false));
        assertThat(response.getStatus()).isEqualTo(202);
        assertThat(response.getHeaderString("Location")).isEqualTo("/api/v1/receipts/" + id);
        assertThat(response.getEntity()).isEqualTo(new AcceptedReceipt(id, "p1", "a", "accepted", receipt.acceptedAt()));
    }

    @Test
    void everyRefusalAnswersItsStatusAndSlug() {
        assertProblem(new VoteOutcome.Malformed("x"), 400, "malformed-request");
        assertProblem(new VoteOutcome.TooLarge(5000), 413, "payload-too-large");
        assertProblem(new VoteOutcome.PollNotFound("p"), 404, "poll-not-found");
        assertProblem(new VoteOutcome.PollNotOpen("p", "closed"), 422, "poll-not-open");
        assertProblem(new VoteOutcome.UnknownOption("p", "z"), 422, "unknown-option");
        assertProblem(new VoteOutcome.Duplicate(UUID.randomUUID()), 409, "duplicate-vote");
        assertProblem(new VoteOutcome.RateLimited("voter", Duration.ofSeconds(3)), 429, "rate-limited");
        assertProblem(new VoteOutcome.Unavailable("log down", Duration.ofSeconds(1)), 503, "unavailable");
        assertProblem(new VoteOutcome.Overloaded("too busy", Duration.ofSeconds(1)), 503, "overloaded");
        assertProblem(new VoteOutcome.ChallengeRequired(
                new ProofOfWork("s", Duration.ofMinutes(5), Duration.ofSeconds(5)).challenge("v", "p", 8, Instant.now()), false),
                403, "challenge-required");
    }

    @Test
    void aDuplicateNamesTheExistingReceipt() {
        UUID existing = UUID.randomUUID();
        Response response = VoteOutcomeResponses.toResponse(new VoteOutcome.Duplicate(existing));
        assertThat(body(response).get("existingReceiptId")).isEqualTo(existing.toString());
    }

    @Test
    void rateLimitedUnavailableAndOverloadedTellWhenToRetry() {
        assertThat(VoteOutcomeResponses.toResponse(new VoteOutcome.RateLimited("address", Duration.ofMillis(2500)))
                .getHeaderString("Retry-After")).isEqualTo("3");
        assertThat(VoteOutcomeResponses.toResponse(new VoteOutcome.Unavailable("x", Duration.ofSeconds(1)))
                .getHeaderString("Retry-After")).isEqualTo("1");
        assertThat(VoteOutcomeResponses.toResponse(new VoteOutcome.Overloaded("x", Duration.ofMillis(1200)))
                .getHeaderString("Retry-After")).isEqualTo("2");
    }

    @Test
    void aChallengeTellsHowToSolveIt() {
        Response response = VoteOutcomeResponses.toResponse(new VoteOutcome.ChallengeRequired(
                new ProofOfWork("s", Duration.ofMinutes(5), Duration.ofSeconds(5)).challenge("v", "p", 12, Instant.now()),
                false));
        assertThat(body(response).get("challenge")).hasFieldOrPropertyWithValue("algorithm", "sha256")
                .hasFieldOrPropertyWithValue("difficulty", 12)
                .hasFieldOrPropertyWithValue("header", "X-Vote-Proof")
                .hasFieldOrPropertyWithValue("nonceHeader", "X-Vote-Nonce");
    }

    @Test
    void aBotScoreRefusalNamesItsKeyAndReasonsAndWhenToRetry() {
        Response response = VoteOutcomeResponses.toResponse(new VoteOutcome.RateLimited(
                VoteOutcome.RateLimited.BOT_SCORE, Duration.ofSeconds(60), List.of("headless-user-agent", "fresh-token")));
        assertThat(response.getStatus()).isEqualTo(429);
        assertThat(response.getHeaderString("Retry-After")).isEqualTo("60");
        assertThat(body(response).get("key")).isEqualTo("bot-score");
        assertThat(body(response).get("reasons")).isEqualTo(List.of("headless-user-agent", "fresh-token"));
    }

    @Test
    void aRateLimitNamesNoReasons() {
        Response response = VoteOutcomeResponses.toResponse(new VoteOutcome.RateLimited("address", Duration.ofSeconds(3)));
        assertThat(body(response).containsKey("reasons")).isFalse();
    }
}
