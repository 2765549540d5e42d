package votes.proofs.merkle;

/** A question to a stored log, used first to list the tiles the answer reads ({@link TileNodes#needed}). */
public sealed interface ProofRequest {

    record Root(long size) implements ProofRequest {
    }

    record Inclusion(long leafIndex, long treeSize) implements ProofRequest {
    }

    record Consistency(long oldSize, long newSize) implements ProofRequest {
    }

    static ProofRequest root(long size) {
        return new Root(size);
    }

    static ProofRequest inclusion(long leafIndex, long treeSize) {
        return new Inclusion(leafIndex, treeSize);
    }

    static ProofRequest consistency(long oldSize, long newSize) {
        return new Consistency(oldSize, newSize);
    }
}
