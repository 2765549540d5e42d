package votes.audit.ledger;

import java.util.Map;
import votes.events.poll.Poll;

/**
 * The ledger's aggregates, read in one REPEATABLE READ transaction together with the streamed rows, so the vote
 * counts and the tally-delta sums are of the same instant.
 *
 * @param voteCounts poll → option → count(*) of the votes rows that count (not voided; every row, not only those
 *                   the replay covers)
 * @param deltaSums poll → option → sum(vote_count) of tally_deltas (a void's negative deltas included)
 */
public record LedgerSnapshot(Map<String, Poll> polls, Map<String, Map<String, Long>> voteCounts,
                             Map<String, Map<String, Long>> deltaSums, DuplicateVoters duplicates) {
}
