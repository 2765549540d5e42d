package votes.events.rule;

import java.util.UUID;
import votes.events.poll.Poll;
import votes.events.vote.VoteSubmitted;

/**
 * The ledger rule, in one place: the first vote per (poll, voter) submitted inside the poll's window wins;
 * every other one is a rejection with a reason. Pure, so the live ledger and the auditor's replay reach the
 * same verdict from the same log.
 */
public final class LedgerRule {

    private LedgerRule() {
    }

    /**
     * @param poll the poll as its events leave it, or null when no such poll exists
     * @param recordedEventId the event already recorded for this (poll, voter), or null
     * @param vote the submission to judge
     */
    public static Decision decide(Poll poll, UUID recordedEventId, VoteSubmitted vote) {
        if (poll == null) {
            return Decision.reject(RejectionReason.POLL_NOT_FOUND);
        }
        if (vote.eventId().equals(recordedEventId)) {
            return Decision.ALREADY_RECORDED;
        }
        // Judged by the submission time stamped at ingest, not by when the ledger got to it, so a slow
        // consumer or a replay years later gives the same answer.
        if (!poll.acceptsAt(vote.submittedAt())) {
            return Decision.reject(RejectionReason.POLL_NOT_OPEN);
        }
        if (!poll.hasOption(vote.optionId())) {
            return Decision.reject(RejectionReason.UNKNOWN_OPTION);
        }
        if (recordedEventId != null) {
            return Decision.reject(RejectionReason.DUPLICATE);
        }
        return Decision.RECORD;
    }
}
