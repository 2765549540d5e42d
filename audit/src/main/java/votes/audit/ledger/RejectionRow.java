package votes.audit.ledger;

import java.time.Instant;
import java.util.UUID;

/** One row of {@code rejections}; {@code reason} is the slug as stored. */
public record RejectionRow(UUID eventId, String pollId, String voterId, String optionId, String reason,
                           Instant submittedAt, int partition, long offset) {
}
