package votes.ledger.flag;

import java.time.Instant;
import java.util.List;

/**
 * A flag group as {@code GET /api/v1/polls/{pollId}/flags} and {@code POST /api/v1/flags/{flagId}/review} show it.
 *
 * @param voidedVotes how many vote ids the confirm's VotesVoided named (recorded, not yet voided votes of the poll
 *                    at the time; a flagged vote the ledger had not recorded yet is not named); null unless confirmed
 */
public record FlagView(String flagId, String pollId, String subject, String subjectKey, double score,
                       List<String> reasons, int voteCount, Instant firstSeen, Instant lastSeen, String status,
                       String reviewedBy, Instant reviewedAt, String note, Integer voidedVotes) {

    public static FlagView of(Flag flag) {
        return new FlagView(flag.flagId, flag.pollId, flag.subject, flag.subjectKey, flag.score,
                flag.reasons == null ? List.of() : List.of(flag.reasons), flag.voteCount, flag.firstSeen,
                flag.lastSeen, flag.status, flag.reviewedBy, flag.reviewedAt, flag.note, flag.voidedVotes);
    }

    /** The body of the list: a poll's flags, worst first. */
    public record PollFlags(String pollId, List<FlagView> flags) {
    }
}
