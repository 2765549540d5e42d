package votes.ledger.receipt;

import java.util.List;
import votes.events.checkpoint.SignedCheckpoint;
import votes.events.merkle.InclusionProof;

/**
 * A receipt's proof: the leaf's place in the log of its partition, its audit path (hex, bottom-up) up to the root
 * the checkpoint signed for that log at {@code treeSize}. Checked with {@link #proof()}'s
 * {@link InclusionProof#verify} against the leaf and the checkpoint, whose signature is checked separately.
 */
public record ReceiptChain(int log, long leafIndex, long treeSize, String leafHash, List<String> inclusionProof,
                           SignedCheckpoint checkpoint) {

    public static ReceiptChain of(InclusionProof proof, SignedCheckpoint checkpoint) {
        return new ReceiptChain(proof.log(), proof.leafIndex(), proof.treeSize(), proof.leafHash(), proof.hashes(),
                checkpoint);
    }

    public InclusionProof proof() {
        return new InclusionProof(log, leafIndex, treeSize, leafHash, inclusionProof);
    }
}
