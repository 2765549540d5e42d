package votes.audit.ledger;

import java.time.Instant;
import java.util.UUID;

/** One row of {@code votes}; {@code leafIndex} is null for rows written before the Merkle log existed. */
public record VoteRow(UUID eventId, String pollId, String voterId, String optionId, Instant submittedAt, int partition,
                      long offset, Long leafIndex) {
}
