package votes.proofs.merkle;

import java.util.List;
import votes.proofs.checkpoint.SignedCheckpoint;

/**
 * A receipt's proof, as {@code GET /api/v1/receipts/{id}} serves it under {@code chain} and an auditor reads it back:
 * the leaf's place in the log of its partition and its audit path (hex, bottom-up) up to the root the checkpoint
 * signed for that log at {@code treeSize}. Checked with {@link #proof()}'s {@link InclusionProof#verify} against the
 * leaf and the checkpoint, whose signature is checked separately.
 */
public record ReceiptChain(int log, long leafIndex, long treeSize, String leafHash, List<String> inclusionProof,
                           SignedCheckpoint checkpoint) {

    public ReceiptChain {
        // An absent path proves nothing (it would need a one-leaf tree); List.copyOf refuses a null hash.
        inclusionProof = inclusionProof == null ? List.of() : List.copyOf(inclusionProof);
    }

    public static ReceiptChain of(InclusionProof proof, SignedCheckpoint checkpoint) {
        return new ReceiptChain(proof.log(), proof.leafIndex(), proof.treeSize(), proof.leafHash(), proof.hashes(),
                checkpoint);
    }

    public InclusionProof proof() {
        return new InclusionProof(log, leafIndex, treeSize, leafHash, inclusionProof);
    }
}
