package votes.ledger.vote;

import java.util.UUID;

/** A row already in {@code votes}, as the batch prefetch returns it. */
public record RecordedVote(String pollId, String voterId, UUID eventId) {
}
