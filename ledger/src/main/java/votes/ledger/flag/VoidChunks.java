package votes.ledger.flag;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import votes.events.poll.VotesVoided;

/** A confirmed flag's votes as VotesVoided facts: at most {@link VotesVoided#MAX_VOTES} ids each, all one flagId. */
public final class VoidChunks {

    private static final String REASON_PREFIX = "fraud review: ";

    private VoidChunks() {
    }

    public static List<VotesVoided> of(String pollId, String flagId, String reason, List<UUID> voteIds,
                                       Instant voidedAt, Supplier<UUID> eventIds) {
        List<VotesVoided> chunks = new ArrayList<>(voteIds.size() / VotesVoided.MAX_VOTES + 1);
        for (int from = 0; from < voteIds.size(); from += VotesVoided.MAX_VOTES) {
            List<UUID> ids = voteIds.subList(from, Math.min(voteIds.size(), from + VotesVoided.MAX_VOTES));
            chunks.add(VotesVoided.of(eventIds.get(), pollId, flagId, reason, ids, voidedAt));
        }
        return chunks;
    }

    /** What a receipt will say the vote was voided for: the admin's note, else the group's strongest reason. */
    public static String reason(String note, String[] reasons, String subject) {
        if (note != null && !note.isBlank()) {
            return REASON_PREFIX + note.strip();
        }
        if (reasons != null && reasons.length > 0) {
            return REASON_PREFIX + reasons[0];
        }
        return REASON_PREFIX + "flagged " + subject;
    }
}
