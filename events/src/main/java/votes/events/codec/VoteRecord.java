package votes.events.codec;

import java.time.Instant;
import java.util.UUID;
import votes.events.deadletter.DeadLetterReason;
import votes.events.vote.Storable;
import votes.events.vote.VoteSubmitted;

/**
 * One record of {@code votes.submitted} as the ledger and the replay read it ({@link VoteRecords#read}): a vote to
 * judge, or poison. Both keep the record's value bytes, because a poison record (and one the database refuses)
 * goes to {@code votes.dead-letter} byte for byte.
 */
public sealed interface VoteRecord {

    /** The record's value as it is in the log (may be null for a tombstone). */
    byte[] value();

    /** A vote the rule judges: decodes, known schema version, every field storable. */
    record Vote(VoteSubmitted vote, byte[] value) implements VoteRecord {
    }

    /**
     * Not a vote the rule can judge. When it carries an event id and {@link DeadLetterReason#rejectsItsEvent()}, its
     * verdict is a {@code malformed} rejection that keeps the fields below: each one the record carries in a form the
     * ledger can store, null otherwise (the same function in the ledger and the replay, so the rows agree).
     *
     * @param detail one line for a human: what is wrong with it
     */
    record Poison(DeadLetterReason reason, String detail, UUID eventId, String pollId, String voterId, String optionId,
                  Instant submittedAt, byte[] value) implements VoteRecord {

        /** A decoded vote that is poison all the same: its storable fields are kept. */
        public static Poison of(VoteSubmitted vote, DeadLetterReason reason, String detail, byte[] value) {
            return new Poison(reason, detail, vote.eventId(), Storable.idOrNull(vote.pollId()),
                    Storable.idOrNull(vote.voterId()), Storable.idOrNull(vote.optionId()),
                    Storable.instantOrNull(vote.submittedAt()), value);
        }

        /** Whether the ledger writes a verdict for it (a {@code malformed} rejection of its event id). */
        public boolean judged() {
            return eventId != null && reason.rejectsItsEvent();
        }
    }
}
