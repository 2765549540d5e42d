package votes.ledger.voiding;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import votes.proofs.merkle.VoidLeaf;

/** One vote a void names, with what the void marks it with and where the void sits in poll-events. */
record NamedVote(String pollId, UUID voteId, UUID voidEventId, Instant voidedAt, String reason, int partition,
                 long offset) {

    /** Every vote the void names, as its leaf holds it (the instant at microseconds, like the rows). */
    static List<NamedVote> all(VoidLeaf voided) {
        return voided.voteIds().stream().map(voteId -> new NamedVote(voided.pollId(), voteId, voided.eventId(),
                voided.voidedAt(), voided.reason(), voided.partition(), voided.offset())).toList();
    }

    /** Earlier in poll-events: a poll's events share a partition, so this is its offset order. */
    boolean before(NamedVote other) {
        return partition != other.partition ? partition < other.partition : offset < other.offset;
    }
}
