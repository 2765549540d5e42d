package votes.proofs.merkle;

import java.util.ArrayList;
import java.util.List;

/**
 * An append-only tree kept as its complete subtrees only (at most one per level, like the bits of the size):
 * O(log n) memory and the current root at any time. The replay uses one per log to recompute roots.
 */
public final class CompactRange {

    private final List<byte[]> hashes = new ArrayList<>();
    private final List<Integer> levels = new ArrayList<>();
    private long size;

    public void append(byte[] leafHash) {
        byte[] hash = leafHash;
        int level = 0;
        while (!levels.isEmpty() && levels.get(levels.size() - 1) == level) {
            hash = MerkleHash.node(hashes.remove(hashes.size() - 1), hash);
            levels.remove(levels.size() - 1);
            level++;
        }
        hashes.add(hash);
        levels.add(level);
        size++;
    }

    public long size() {
        return size;
    }

    public byte[] root() {
        if (hashes.isEmpty()) {
            return MerkleHash.emptyRoot();
        }
        byte[] root = hashes.get(hashes.size() - 1);
        for (int i = hashes.size() - 2; i >= 0; i--) {
            root = MerkleHash.node(hashes.get(i), root);
        }
        return root;
    }
}
