package votes.events.challenge;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.Optional;
import votes.events.codec.EventCodec;

/**
 * What a client reads from ingest's 403 {@code challenge-required} problem: the {@code challenge} member, as far as a
 * solver needs it. Unknown members (those ingest adds later) are ignored, and the nonce stays opaque: a client
 * never parses it, it only hashes it.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ChallengeRequired(String type, Challenge challenge) {

    /** The problem type's slug, the end of its {@code type} URI. */
    public static final String SLUG = "challenge-required";

    /** How to answer: the proof goes in {@code header}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Challenge(String algorithm, int difficulty, String nonce, String header) {

        /** The proof for this challenge (may take a while: 2^difficulty attempts on average). */
        public String solve() {
            return Hashcash.solve(nonce, difficulty);
        }
    }

    /** The challenge of a 403's body, or empty when the body is another problem (or not JSON at all). */
    public static Optional<Challenge> in(String problemJson) {
        try {
            ChallengeRequired problem = EventCodec.fromJson(problemJson, ChallengeRequired.class);
            return problem.type() != null && problem.type().endsWith("/" + SLUG) && problem.challenge() != null
                    && "sha256".equals(problem.challenge().algorithm()) && problem.challenge().nonce() != null
                    ? Optional.of(problem.challenge()) : Optional.empty();
        } catch (RuntimeException notAProblem) {
            return Optional.empty();
        }
    }
}
