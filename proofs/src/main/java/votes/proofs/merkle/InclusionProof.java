package votes.proofs.merkle;

import java.util.List;
import votes.proofs.checkpoint.Checkpoint;
import votes.proofs.checkpoint.LogHead;

/**
 * What a receipt carries to prove its vote is in the log: the leaf's place, the audit path (hex, bottom-up) and
 * the tree size it proves against. Checked against a checkpoint, whose signature the caller checks separately.
 */
public record InclusionProof(int log, long leafIndex, long treeSize, String leafHash, List<String> hashes) {

    public static InclusionProof of(int log, long leafIndex, long treeSize, byte[] leafHash, List<byte[]> path) {
        return new InclusionProof(log, leafIndex, treeSize, MerkleHash.hex(leafHash),
                path.stream().map(MerkleHash::hex).toList());
    }

    /** True iff the leaf hashes to {@code leafHash} and the path leads to the checkpoint's root of this log. */
    public boolean verify(LedgerLeaf leaf, Checkpoint against) {
        LogHead head = against.log(log);
        if (head == null || head.size() != treeSize || leaf.partition() != log) {
            return false;
        }
        try {
            byte[] hash = leaf.hash();
            if (!MerkleHash.hex(hash).equals(leafHash)) {
                return false;
            }
            List<byte[]> path = hashes.stream().map(MerkleHash::fromHex).toList();
            return MerkleProofs.verifyInclusion(hash, leafIndex, treeSize, path, MerkleHash.fromHex(head.root()));
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }
}
