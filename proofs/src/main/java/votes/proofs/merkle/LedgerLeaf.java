package votes.proofs.merkle;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;
import votes.events.time.UtcInstants;
import votes.events.vote.VoteSubmitted;

/**
 * A recorded vote as a leaf of its partition's Merkle log. Everything in it can be rebuilt from the log event
 * and its position (the replay) and from the ledger row (the database check), so both sides hash the same bytes.
 * {@code submittedAt} is truncated to microseconds, what PostgreSQL keeps.
 *
 * <p>Encoding: the tag {@value #TAG}, then each field as a 4-byte big-endian length and its UTF-8 text (the
 * instant in ISO-8601, numbers in decimal). Lengths make the encoding unambiguous whatever a field contains.
 */
public record LedgerLeaf(UUID eventId, String pollId, String voterId, String optionId, Instant submittedAt,
                         int partition, long offset) {

    public static final String TAG = "votes/ledger-leaf/v1";

    public LedgerLeaf {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(pollId, "pollId");
        Objects.requireNonNull(voterId, "voterId");
        Objects.requireNonNull(optionId, "optionId");
        submittedAt = Objects.requireNonNull(submittedAt, "submittedAt").truncatedTo(ChronoUnit.MICROS);
    }

    public static LedgerLeaf of(VoteSubmitted vote, int partition, long offset) {
        return new LedgerLeaf(vote.eventId(), vote.pollId(), vote.voterId(), vote.optionId(), vote.submittedAt(),
                partition, offset);
    }

    public byte[] encode() {
        return LeafFields.encode(TAG, eventId.toString(), pollId, voterId, optionId, UtcInstants.format(submittedAt),
                Integer.toString(partition), Long.toString(offset));
    }

    public byte[] hash() {
        return MerkleHash.leaf(encode());
    }
}
