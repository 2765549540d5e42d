package votes.events.flag;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Ingest accepted a vote whose bot score passed the flag threshold (the voter is not told). One fact per flagged
 * vote on {@code votes.flags}, keyed by {@link #key()} so a subject's flags of one poll stay in order on one
 * partition; the ledger folds them into one reviewable group per (poll, subject kind, subject).
 *
 * @param eventId this flag's own id (UUIDv7)
 * @param voteId  the flagged vote's event id, which is also its receipt id
 * @param subjectKey keyed hash (prefix, device) or pseudonymous voter id: never a raw address
 * @param score   the bot score in [0, 1] that passed the threshold
 * @param reasons the score's top reasons, strongest first (slugs such as {@code headless-user-agent})
 */
public record VoteFlagged(
        int schemaVersion,
        UUID eventId,
        UUID voteId,
        String pollId,
        FlagSubject subject,
        String subjectKey,
        double score,
        List<String> reasons,
        Instant flaggedAt) {

    public static final int SCHEMA_VERSION = 1;

    public VoteFlagged {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(voteId, "voteId");
        Objects.requireNonNull(pollId, "pollId");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(subjectKey, "subjectKey");
        Objects.requireNonNull(flaggedAt, "flaggedAt");
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }

    public static VoteFlagged of(UUID eventId, UUID voteId, String pollId, FlagSubject subject, String subjectKey,
                                 double score, List<String> reasons, Instant flaggedAt) {
        return new VoteFlagged(SCHEMA_VERSION, eventId, voteId, pollId, subject, subjectKey, score, reasons, flaggedAt);
    }

    /** The Kafka key: one group's flags on one partition, in order. */
    public String key() {
        return pollId + "|" + subject.slug() + "|" + subjectKey;
    }
}
