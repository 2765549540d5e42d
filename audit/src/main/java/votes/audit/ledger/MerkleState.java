package votes.audit.ledger;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.HashMap;
import java.util.HashSet;
import votes.proofs.checkpoint.LogHead;
import votes.proofs.checkpoint.SignedCheckpoint;

/**
 * The ledger's Merkle heads and every signed checkpoint, read BEFORE the replay captures the log's end offsets:
 * a leaf the ledger had at that moment came from a record already in the log, so every size here is one the
 * replay reaches. {@code available} false on a database from before the Merkle log (V3).
 *
 * @param legacyUpTo partition → the highest offset of a vote recorded without a leaf index (pre-V3 rows)
 */
public record MerkleState(boolean available, Map<Integer, MerkleLogRow> logs, List<SignedCheckpoint> checkpoints,
                          Map<Integer, Long> legacyUpTo) {

    public static MerkleState unavailable() {
        return new MerkleState(false, Map.of(), List.of(), Map.of());
    }

    /** partition → every size whose root the audit compares. */
    public Map<Integer, Set<Long>> wantedSizes() {
        Map<Integer, Set<Long>> wanted = new HashMap<>();
        logs.values().forEach(log -> wanted.computeIfAbsent(log.log(), k -> new HashSet<>()).add(log.size()));
        for (SignedCheckpoint signed : checkpoints) {
            for (LogHead head : signed.checkpoint().logs()) {
                wanted.computeIfAbsent(head.log(), k -> new HashSet<>()).add(head.size());
            }
        }
        return wanted;
    }
}
