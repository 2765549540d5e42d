package votes.perf.swarm;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.Optional;
import votes.events.codec.EventCodec;

/**
 * The member of ingest's problem answers that events' {@code ChallengeRequired} does not read: a 429's {@code key}
 * (the kind of limit that refused: voter, device, address, prefix, bot-score).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record VoteProblem(String key) {

    /** The refusing key of a 429's body, or empty when the body names none (or is no JSON). */
    static Optional<String> keyIn(String body) {
        return in(body).map(VoteProblem::key);
    }

    private static Optional<VoteProblem> in(String body) {
        try {
            return Optional.ofNullable(EventCodec.fromJson(body, VoteProblem.class));
        } catch (RuntimeException notAProblem) {
            return Optional.empty();
        }
    }
}
