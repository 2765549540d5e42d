package votes.events.challenge;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.LinkedHashMap;
import java.util.Map;
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
    /** The request headers ingest names in its challenges: the proof, and the nonce sent back with it. */
    public static final String PROOF_HEADER = "X-Vote-Proof";
    public static final String NONCE_HEADER = "X-Vote-Nonce";

    /**
     * How to answer: the proof goes in {@code header}, and the nonce itself goes back in {@code nonceHeader} (ingest
     * keeps no state: the nonce carries its issue time and difficulty under an HMAC, so it must come back with the
     * proof). A challenge without {@code nonceHeader} (an older ingest re-derived its nonce) gets the proof alone.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Challenge(String algorithm, int difficulty, String nonce, String header, String nonceHeader) {

        /** The proof for this challenge (may take a while: 2^difficulty attempts on average). */
        public String solve() {
            return Hashcash.solve(nonce, difficulty);
        }

        /** The headers that answer this challenge with {@code proof}, in the order the challenge names them. */
        public Map<String, String> answer(String proof) {
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put(header, proof);
            if (nonceHeader != null) {
                headers.put(nonceHeader, nonce);
            }
            return headers;
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
