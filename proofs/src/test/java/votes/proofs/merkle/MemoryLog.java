package votes.proofs.merkle;

import java.util.ArrayList;
import java.util.List;

/** The textbook tree, straight from a list of leaf hashes: the reference the stored forms are checked against. */
final class MemoryLog implements NodeSource {

    final List<byte[]> leaves = new ArrayList<>();

    static MemoryLog ofEntries(int count) {
        MemoryLog log = new MemoryLog();
        for (int i = 0; i < count; i++) {
            log.leaves.add(MerkleHash.leaf(("entry " + i).getBytes()));
        }
        return log;
    }

    @Override
    public byte[] node(int level, long index) {
        long first = index << level;
        if (first + (1L << level) > leaves.size()) {
            throw new IllegalStateException("no node " + level + "/" + index + " in " + leaves.size() + " leaves");
        }
        return mth((int) first, (int) (first + (1L << level)));
    }

    /** RFC 6962's MTH, literally. */
    byte[] mth(int start, int end) {
        if (end - start == 1) {
            return leaves.get(start);
        }
        int k = Integer.highestOneBit(end - start - 1);
        return MerkleHash.node(mth(start, start + k), mth(start + k, end));
    }

    byte[] root(int size) {
        return size == 0 ? MerkleHash.emptyRoot() : mth(0, size);
    }
}
