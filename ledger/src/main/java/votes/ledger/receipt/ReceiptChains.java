package votes.ledger.receipt;

import votes.proofs.merkle.ReceiptChain;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import votes.proofs.checkpoint.LogHead;
import votes.proofs.checkpoint.SignedCheckpoint;
import votes.proofs.merkle.InclusionProof;
import votes.proofs.merkle.LedgerLeaf;
import votes.proofs.merkle.MerkleProofs;
import votes.proofs.merkle.ProofRequest;
import votes.ledger.checkpoint.CheckpointStore;
import votes.ledger.merkle.MerkleLogs;

/**
 * Proves a recorded vote against the latest checkpoint. The latest is the one to use: log sizes only grow, so if
 * any checkpoint covers the leaf, the latest does. Reads the checkpoint, then the tiles the proof needs and the
 * log's right edge in one query; the log has only grown since, and a proof for an older size reads the same nodes.
 */
@ApplicationScoped
public class ReceiptChains {

    private final CheckpointStore checkpoints;
    private final MerkleLogs logs;

    ReceiptChains(CheckpointStore checkpoints, MerkleLogs logs) {
        this.checkpoints = checkpoints;
        this.logs = logs;
    }

    /** @return the chain, or null while no checkpoint covers the leaf */
    public Uni<ReceiptChain> prove(LedgerLeaf leaf, long leafIndex) {
        return checkpoints.latest().flatMap(latest -> {
            LogHead head = latest == null ? null : latest.checkpoint().log(leaf.partition());
            if (head == null || head.size() <= leafIndex) {
                return Uni.createFrom().nullItem();
            }
            return prove(leaf, leafIndex, head.size(), latest);
        });
    }

    private Uni<ReceiptChain> prove(LedgerLeaf leaf, long leafIndex, long treeSize, SignedCheckpoint checkpoint) {
        return logs.nodes(leaf.partition(), ProofRequest.inclusion(leafIndex, treeSize)).map(stored -> {
            if (stored == null || stored.size() < treeSize) {
                throw new IllegalStateException("log " + leaf.partition() + " is shorter than checkpoint "
                        + checkpoint.checkpoint().sequence() + " says");
            }
            List<byte[]> path = MerkleProofs.inclusion(leafIndex, treeSize, stored.nodes());
            return ReceiptChain.of(InclusionProof.of(leaf.partition(), leafIndex, treeSize, leaf.hash(), path),
                    checkpoint);
        });
    }
}
