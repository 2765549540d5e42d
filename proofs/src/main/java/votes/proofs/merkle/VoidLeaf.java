package votes.proofs.merkle;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;
import votes.events.poll.VotesVoided;

/**
 * A {@link VotesVoided} fact as a leaf of its own Merkle log: a void is recorded as what it is, never by rewriting
 * the vote leaves it names (those stay in their logs for ever). One void log per partition of {@code poll-events}
 * ({@link #logId}), leaves in offset order, so the replay rebuilds every void log from the log alone, exactly as
 * it rebuilds the vote logs from {@code votes.submitted}. The leaf holds the named vote ids (sorted, so the leaf does
 * not depend on the order an admin tool listed them), not the effect: which of them were recorded and voided is
 * checked against the rows.
 *
 * <p>Encoding: {@link LedgerLeaf}'s (length-prefixed UTF-8 fields) with the tag {@value #TAG}.
 */
public record VoidLeaf(UUID eventId, String pollId, String flagId, String reason, Instant voidedAt,
                       List<UUID> voteIds, int partition, long offset) {

    public static final String TAG = "votes/void-leaf/v1";
    /**
     * Void logs are numbered from here (plus the poll-events partition), far above any partition count of
     * votes.submitted, whose partition numbers are the vote logs' ids: one checkpoint signs both kinds.
     */
    public static final int LOG_ID_BASE = 1_000_000;

    public VoidLeaf {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(pollId, "pollId");
        Objects.requireNonNull(flagId, "flagId");
        Objects.requireNonNull(reason, "reason");
        voidedAt = Objects.requireNonNull(voidedAt, "voidedAt").truncatedTo(ChronoUnit.MICROS);
        voteIds = Objects.requireNonNull(voteIds, "voteIds").stream().sorted().toList();
    }

    public static VoidLeaf of(VotesVoided voided, int partition, long offset) {
        return new VoidLeaf(voided.eventId(), voided.pollId(), voided.flagId(), voided.reason(), voided.voidedAt(),
                voided.voteIds(), partition, offset);
    }

    /** The log a void appended at this partition of poll-events belongs to. */
    public static int logId(int pollEventsPartition) {
        return LOG_ID_BASE + pollEventsPartition;
    }

    public static boolean isVoidLog(int logId) {
        return logId >= LOG_ID_BASE;
    }

    public byte[] encode() {
        return LeafFields.encode(TAG, eventId.toString(), pollId, flagId, reason, voidedAt.toString(),
                voteIds.stream().map(UUID::toString).collect(Collectors.joining(",")),
                Integer.toString(partition), Long.toString(offset));
    }

    public byte[] hash() {
        return MerkleHash.leaf(encode());
    }
}
