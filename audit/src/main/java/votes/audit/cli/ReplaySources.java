package votes.audit.cli;

import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import votes.audit.ledger.MerkleState;

/**
 * What a replay reads up to, fixed at its start.
 *
 * @param merkle the ledger's Merkle logs and checkpoints, read before the end offsets: every leaf counted there comes
 *               from a record below them (see MerkleState)
 * @param voteEnds votes.submitted's end offsets, taken before poll-events' ones: a vote names a poll created before
 *                 it, so every poll a vote below these ends names is below {@code pollEnds}
 */
record ReplaySources(MerkleState merkle, List<TopicPartition> pollPartitions, Map<Integer, Long> voteEnds,
                     Map<Integer, Long> pollEnds) {
}
