package votes.perf.swarm;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.Optional;
import votes.events.codec.EventCodec;

/**
 * The parts of ingest's problem+json answers the swarm reads: a 403's {@code challenge} (what to solve) and a 429's
 * {@code key} (which limit refused). Anything else in the body is ignored.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record VoteProblem(String type, Challenge challenge, String key) {

    private static final String CHALLENGE_SLUG = "/challenge-required";

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Challenge(String algorithm, int difficulty, String nonce, String header) {
    }

    /** The problem in an answer's body, or empty when the body is no problem+json. */
    static Optional<VoteProblem> in(String body) {
        try {
            return Optional.ofNullable(EventCodec.fromJson(body, VoteProblem.class));
        } catch (RuntimeException notAProblem) {
            return Optional.empty();
        }
    }

    /** The challenge to solve, when this is a challenge-required problem with a SHA-256 puzzle we can answer. */
    Optional<Challenge> puzzle() {
        return type != null && type.endsWith(CHALLENGE_SLUG) && challenge != null
                && "sha256".equals(challenge.algorithm()) && challenge.nonce() != null && challenge.header() != null
                ? Optional.of(challenge) : Optional.empty();
    }
}
