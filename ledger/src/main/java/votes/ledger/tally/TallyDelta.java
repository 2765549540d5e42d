package votes.ledger.tally;

import java.util.UUID;

/**
 * What one committed transaction changed in one option of one poll: a row of {@code tally_deltas}. A vote batch
 * adds (positive), a void subtracts (negative); a delta of 0 changes nothing and is never written. Projections sum
 * them and skip a {@code deltaId} they have already applied (CDC delivers at least once).
 *
 * @param traceparent the sampled trace of one of the votes it counts (the relay's record header), else null
 */
public record TallyDelta(UUID deltaId, String pollId, String optionId, int voteCount, String traceparent) {

    public TallyDelta {
        if (voteCount == 0) {
            throw new IllegalArgumentException("a delta changes at least one vote, got 0");
        }
    }

    /** A delta no sampled trace follows (a void, or votes none of which was sampled). */
    public TallyDelta(UUID deltaId, String pollId, String optionId, int voteCount) {
        this(deltaId, pollId, optionId, voteCount, null);
    }
}
