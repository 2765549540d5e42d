package votes.ledger.checkpoint;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import votes.proofs.checkpoint.LogHead;
import votes.proofs.checkpoint.SignedCheckpoint;
import votes.events.poll.Poll;

/**
 * {@code GET /api/v1/polls/{id}/chain}: the latest checkpoint, and whether it is the poll's final word.
 *
 * @param recordedVotes the poll's counted votes (the sum of its tally deltas, which equals its rows in {@code votes}
 *                      that no void voided, at every commit)
 * @param isFinal an admin closed the poll and the checkpoint covers every recorded vote of it: after a close the
 *                ledger records only votes submitted before it that arrive late (each such vote moves a log, and the
 *                next checkpoint covers it)
 * @param checkpoint null before the first checkpoint
 */
public record PollChain(String pollId, long recordedVotes, @JsonProperty("final") boolean isFinal,
                        SignedCheckpoint checkpoint) {

    /**
     * A poll's recorded votes in one vote log, or its voids in one void log.
     *
     * @param leaves how many of them are leaves (fewer: rows recorded before the Merkle log existed)
     * @param lastLeaf the highest leaf index among them, or null
     */
    public record Coverage(int log, long votes, long leaves, Long lastLeaf) {
    }

    /**
     * @param covered whether the checkpoint covers every recorded vote of the poll ({@link #covers}); only asked,
     *                and only meaningful, for a closed poll
     */
    public static PollChain of(Poll poll, long recordedVotes, boolean covered, SignedCheckpoint latest) {
        // Only an explicit close: it locks the poll against later recordings (PollStore.close). A poll that merely
        // passed its closesAt may still record a vote submitted in time and delivered late.
        return new PollChain(poll.pollId(), recordedVotes, poll.closedAt() != null && covered, latest);
    }

    /** Whether every vote in {@code coverage} is a leaf of the checkpoint's logs (trivially so for none). */
    public static boolean covers(List<Coverage> coverage, SignedCheckpoint checkpoint) {
        for (Coverage log : coverage) {
            LogHead head = checkpoint == null ? null : checkpoint.checkpoint().log(log.log());
            if (log.leaves() != log.votes()
                    || log.lastLeaf() != null && (head == null || head.size() <= log.lastLeaf())) {
                return false;
            }
        }
        return true;
    }
}
