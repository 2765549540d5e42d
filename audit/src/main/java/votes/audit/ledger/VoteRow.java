package votes.audit.ledger;

import java.time.Instant;
import java.util.UUID;

/**
 * One row of {@code votes}; {@code leafIndex} is null for rows written before the Merkle log existed, {@code voided}
 * null while the vote counts (and on a database before V9, which has no void columns).
 */
public record VoteRow(UUID eventId, String pollId, String voterId, String optionId, Instant submittedAt, int partition,
                      long offset, Long leafIndex, VoidMark voided) {

    /** A row that counts. */
    public VoteRow(UUID eventId, String pollId, String voterId, String optionId, Instant submittedAt, int partition,
                   long offset, Long leafIndex) {
        this(eventId, pollId, voterId, optionId, submittedAt, partition, offset, leafIndex, null);
    }

    /** A {@code votes} row's void columns ({@code void_event_id}, {@code voided_at}, {@code void_reason}). */
    public record VoidMark(UUID eventId, Instant voidedAt, String reason) {
    }
}
