package votes.ingest.vote;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import votes.events.receipt.AcceptedReceipt;
import votes.ingest.abuse.Challenge;

/**
 * How a vote submission ends. Refusals are values, not exceptions: each layer returns one and
 * {@link VoteOutcomeResponses} turns it into the one HTTP answer the API gives it.
 */
public sealed interface VoteOutcome {

    /** Appended durably to the log (or the same Idempotency-Key retried: {@code replayed}). */
    record Accepted(AcceptedReceipt receipt, boolean replayed) implements VoteOutcome {
    }

    /**
     * Every way a vote is turned away. Nothing was appended for any of them, except possibly for an
     * {@link Unavailable} after the vote was handed to the log (see there).
     */
    sealed interface Refusal extends VoteOutcome {
    }

    /** The token's session was logged out (the deny-list in Redis): sign in again. */
    record TokenRevoked() implements Refusal {
    }

    record Malformed(String detail) implements Refusal {
    }

    record TooLarge(int bytes) implements Refusal {
    }

    record PollNotFound(String pollId) implements Refusal {
    }

    record PollNotOpen(String pollId, String status) implements Refusal {
    }

    record UnknownOption(String pollId, String optionId) implements Refusal {
    }

    record Duplicate(UUID existingReceiptId) implements Refusal {
    }

    /**
     * @param scope   the kind of key that refused: voter, device, address or prefix, or bot-score
     * @param reasons a bot-score refusal's top reasons, strongest first (empty for a rate limit)
     */
    record RateLimited(String scope, Duration retryAfter, List<String> reasons) implements Refusal {

        public static final String BOT_SCORE = "bot-score";

        public RateLimited {
            reasons = List.copyOf(reasons);
        }

        public RateLimited(String scope, Duration retryAfter) {
            this(scope, retryAfter, List.of());
        }
    }

    record ChallengeRequired(Challenge challenge, boolean proofWasWrong) implements Refusal {
    }

    /**
     * The log cannot take the vote now. When the vote was already handed to the log and only its ack is missing,
     * it may still land: the reason says so, and a retry with the same Idempotency-Key then gets its 202.
     */
    record Unavailable(String reason, Duration retryAfter) implements Refusal {
    }

    /** Shed under load before the vote was handed to the log: nothing was appended. */
    record Overloaded(String reason, Duration retryAfter) implements Refusal {
    }
}
