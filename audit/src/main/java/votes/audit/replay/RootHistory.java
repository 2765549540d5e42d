package votes.audit.replay;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import votes.proofs.merkle.CompactRange;
import votes.proofs.merkle.MerkleHash;

/**
 * One partition's Merkle log as the replay grows it, remembering the root at the sizes someone will ask about
 * (each checkpoint's size, the ledger's current size): an O(log n) compact range cannot go back in time, and
 * keeping every root would cost a hash per leaf.
 */
public final class RootHistory {

    private final CompactRange range = new CompactRange();
    private final Set<Long> wanted;
    private final Map<Long, byte[]> roots = new HashMap<>();

    public RootHistory(Set<Long> wantedSizes) {
        this.wanted = Set.copyOf(wantedSizes);
    }

    public void append(byte[] leafHash) {
        range.append(leafHash);
        long size = range.size();
        if (wanted.contains(size)) {
            roots.put(size, range.root());
        }
    }

    public long size() {
        return range.size();
    }

    public byte[] root() {
        return range.size() == 0 ? MerkleHash.emptyRoot() : range.root();
    }

    /** The root of the first {@code size} leaves, or null when that size was neither wanted nor reached. */
    public byte[] rootAt(long size) {
        if (size == 0) {
            return MerkleHash.emptyRoot();
        }
        if (size == range.size()) {
            return range.root();
        }
        return roots.get(size);
    }
}
