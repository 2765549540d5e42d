package votes.audit.replay;

import java.time.Instant;
import java.util.UUID;

/**
 * The {@code vote_voids} row the ledger must hold for one VotesVoided, as the replay applied it (the first occurrence
 * of its event id; a re-appended copy changes nothing).
 *
 * @param voidedAt already truncated to microseconds, as PostgreSQL stores it
 * @param namedVotes how many ids the event lists ({@code voteIds().size()})
 * @param voidedVotes how many of them it voided: recorded votes of its poll not voided by an earlier void
 * @param counted whether the void counts at all (its poll exists and it is dated before the poll's effective close)
 */
public record ExpectedVoid(UUID eventId, String pollId, String flagId, String reason, Instant voidedAt, int namedVotes,
                           int voidedVotes, boolean counted, int partition, long offset, int logId, long leafIndex) {

    public String where() {
        return "void event " + eventId + ", poll " + pollId + ", poll-events " + partition + "@" + offset;
    }
}
