package votes.perf.swarm;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.Optional;
import votes.events.codec.EventCodec;

/**
 * The members of ingest's problem answers that events' {@code ChallengeRequired} does not read: a 429's {@code key}
 * (the kind of limit that refused: voter, device, address, prefix, bot-score) and a challenge's {@code nonceHeader}
 * (an ingest whose nonce carries its issue time wants it echoed in that header with the proof; an older one names
 * none and needs no echo).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record VoteProblem(String key, NonceEcho challenge) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    record NonceEcho(String nonceHeader) {
    }

    /** The refusing key of a 429's body, or empty when the body names none (or is no JSON). */
    static Optional<String> keyIn(String body) {
        return in(body).map(VoteProblem::key);
    }

    /** The header a 403's challenge wants its nonce echoed in, or empty when it wants none. */
    static Optional<String> nonceHeaderIn(String body) {
        return in(body).map(VoteProblem::challenge).map(NonceEcho::nonceHeader).filter(h -> !h.isBlank());
    }

    private static Optional<VoteProblem> in(String body) {
        try {
            return Optional.ofNullable(EventCodec.fromJson(body, VoteProblem.class));
        } catch (RuntimeException notAProblem) {
            return Optional.empty();
        }
    }
}
