package votes.audit.check;

import java.security.PublicKey;
import java.util.List;
import java.util.Map;
import java.util.Set;
import votes.audit.deadletter.PublishedLetters;
import votes.audit.ledger.LedgerSnapshot;
import votes.audit.ledger.MerkleState;
import votes.audit.replay.ReplayOutcome;
import votes.events.poll.Poll;

/**
 * What the checklist items judge once every row went through.
 *
 * @param rows what the streamed rows showed (counts, tallies, polls voted past the end offsets)
 * @param published poll → option → votes from vote-tallies, or null when the topic does not exist
 * @param live polls with votes recorded past the replay's end offsets (besides those the rows showed)
 * @param pollsAfter the polls folded from poll-events once the ledger was read, or null
 * @param trusted the key checkpoints must be signed with, or null (then {@code keyProblem} says why)
 * @param deadLetters the letters read from votes.dead-letter, or null when the topic does not exist
 * @param notes where items add what an operator should know to read the checklist; null to add nothing
 */
public record Evidence(ReplayOutcome replay, PollScope scope, LedgerRows rows, LedgerSnapshot ledger,
                       MerkleState merkle, Map<String, Map<String, Long>> published, Set<String> live,
                       Map<String, Poll> pollsAfter, PublicKey trusted, String keyProblem,
                       PublishedLetters deadLetters, List<String> notes) {

    void note(String note) {
        if (notes != null) {
            notes.add(note);
        }
    }
}
