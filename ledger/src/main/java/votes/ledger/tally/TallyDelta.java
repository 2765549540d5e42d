package votes.ledger.tally;

import java.util.UUID;

/**
 * What one committed batch added to one option of one poll: a row of {@code tally_deltas}. Projections sum them
 * and skip a {@code deltaId} they have already applied (CDC delivers at least once).
 */
public record TallyDelta(UUID deltaId, String pollId, String optionId, int voteCount) {

    public TallyDelta {
        if (voteCount <= 0) {
            throw new IllegalArgumentException("a delta counts at least one vote, got " + voteCount);
        }
    }
}
