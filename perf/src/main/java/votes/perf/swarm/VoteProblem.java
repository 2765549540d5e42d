package votes.perf.swarm;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.Optional;
import votes.events.codec.EventCodec;

/**
 * The one member of a 429 rate-limited problem the swarm records: {@code key}, the kind of limit that refused (voter,
 * device, address, prefix). A 403's challenge is read with events' {@code ChallengeRequired}, the clients' shared code.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record VoteProblem(String key) {

    /** The refusing key of a 429's body, or empty when the body names none (or is no JSON). */
    static Optional<String> keyIn(String body) {
        try {
            return Optional.ofNullable(EventCodec.fromJson(body, VoteProblem.class)).map(VoteProblem::key);
        } catch (RuntimeException notAProblem) {
            return Optional.empty();
        }
    }
}
