package votes.audit.ledger;

import java.time.Instant;
import java.util.UUID;

/**
 * One row of {@code vote_voids}: a VotesVoided as the ledger applied it. {@code logId} and {@code leafIndex} boxed:
 * the audit reports a NULL where a position should be rather than reading it as 0.
 */
public record VoidRow(UUID eventId, String pollId, String flagId, String reason, Instant voidedAt, int namedVotes,
                      int voidedVotes, boolean counted, int partition, long offset, Integer logId, Long leafIndex) {
}
