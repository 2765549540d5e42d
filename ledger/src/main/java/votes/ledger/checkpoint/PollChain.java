package votes.ledger.checkpoint;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import votes.events.checkpoint.LogHead;
import votes.events.checkpoint.SignedCheckpoint;
import votes.events.poll.Poll;

/**
 * {@code GET /api/v1/polls/{id}/chain}: the latest checkpoint, and whether it is the poll's final word.
 *
 * @param recordedVotes the poll's rows in {@code votes}
 * @param isFinal an admin closed the poll and the checkpoint covers every recorded vote of it: no later
 *                checkpoint can add one (the ledger records nothing after a close)
 * @param checkpoint null before the first checkpoint
 */
public record PollChain(String pollId, long recordedVotes, @JsonProperty("final") boolean isFinal,
                        SignedCheckpoint checkpoint) {

    /**
     * A poll's recorded votes in one log.
     *
     * @param leaves how many of them are leaves (fewer: rows recorded before the Merkle log existed)
     * @param lastLeaf the highest leaf index among them, or null
     */
    public record Coverage(int log, long votes, long leaves, Long lastLeaf) {
    }

    public static PollChain of(Poll poll, List<Coverage> coverage, SignedCheckpoint latest) {
        long recorded = 0;
        boolean covered = true;
        for (Coverage log : coverage) {
            recorded += log.votes();
            LogHead head = latest == null ? null : latest.checkpoint().log(log.log());
            covered &= log.leaves() == log.votes()
                    && (log.lastLeaf() == null || head != null && head.size() > log.lastLeaf());
        }
        // Only an explicit close: it locks the poll against later recordings (PollStore.close). A poll that merely
        // passed its closesAt may still record a vote submitted in time and delivered late.
        return new PollChain(poll.pollId(), recorded, poll.closedAt() != null && covered, latest);
    }
}
