package votes.proofs.merkle;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

/**
 * Tree heads, inclusion and consistency proofs of RFC 6962 §2.1 over any {@link NodeSource}, and their
 * verification as RFC 9162 §2.1.3.2 / §2.1.4.2 write it. Generation splits a range at the largest power of two
 * below its size, exactly like the RFC's MTH, so every range it asks for is either a stored complete subtree or is
 * split again.
 */
public final class MerkleProofs {

    private MerkleProofs() {
    }

    public static byte[] root(long size, NodeSource nodes) {
        requireSize(size);
        return size == 0 ? MerkleHash.emptyRoot() : range(0, size, nodes);
    }

    /** The audit path of leaf {@code leafIndex} in the tree of {@code treeSize} leaves, bottom-up. */
    public static List<byte[]> inclusion(long leafIndex, long treeSize, NodeSource nodes) {
        if (leafIndex < 0 || leafIndex >= treeSize) {
            throw new IllegalArgumentException("leaf " + leafIndex + " is not in a tree of " + treeSize);
        }
        List<byte[]> proof = new ArrayList<>();
        path(leafIndex, 0, treeSize, nodes, proof);
        return proof;
    }

    /** The proof that the tree of {@code newSize} leaves extends the one of {@code oldSize} leaves. */
    public static List<byte[]> consistency(long oldSize, long newSize, NodeSource nodes) {
        if (oldSize < 0 || oldSize > newSize) {
            throw new IllegalArgumentException("no consistency proof from " + oldSize + " to " + newSize);
        }
        List<byte[]> proof = new ArrayList<>();
        if (oldSize > 0 && oldSize < newSize) {
            subproof(oldSize, 0, newSize, true, nodes, proof);
        }
        return proof;
    }

    public static boolean verifyInclusion(byte[] leafHash, long leafIndex, long treeSize, List<byte[]> proof,
                                          byte[] root) {
        if (leafIndex < 0 || leafIndex >= treeSize || !isHash(leafHash) || !isHash(root) || proof == null) {
            return false;
        }
        long fn = leafIndex;
        long sn = treeSize - 1;
        byte[] r = leafHash;
        for (byte[] p : proof) {
            if (sn == 0 || !isHash(p)) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = MerkleHash.node(p, r);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                r = MerkleHash.node(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && MessageDigest.isEqual(r, root);
    }

    public static boolean verifyConsistency(long oldSize, long newSize, byte[] oldRoot, byte[] newRoot,
                                            List<byte[]> proof) {
        if (oldSize < 0 || oldSize > newSize || !isHash(oldRoot) || !isHash(newRoot) || proof == null) {
            return false;
        }
        if (oldSize == newSize) {
            return proof.isEmpty() && MessageDigest.isEqual(oldRoot, newRoot);
        }
        if (oldSize == 0) {
            // Every tree extends the empty one; the only thing to check is that the old head really is empty.
            return proof.isEmpty() && MessageDigest.isEqual(oldRoot, MerkleHash.emptyRoot());
        }
        if (proof.isEmpty() || !proof.stream().allMatch(MerkleProofs::isHash)) {
            return false;
        }
        List<byte[]> path = new ArrayList<>(proof);
        if (Long.bitCount(oldSize) == 1) {
            path.add(0, oldRoot);
        }
        long fn = oldSize - 1;
        long sn = newSize - 1;
        while ((fn & 1) == 1) {
            fn >>= 1;
            sn >>= 1;
        }
        byte[] fr = path.get(0);
        byte[] sr = path.get(0);
        for (byte[] c : path.subList(1, path.size())) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = MerkleHash.node(c, fr);
                sr = MerkleHash.node(c, sr);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                sr = MerkleHash.node(sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && MessageDigest.isEqual(fr, oldRoot) && MessageDigest.isEqual(sr, newRoot);
    }

    /** MTH(D[start:end]) for end > start. */
    static byte[] range(long start, long end, NodeSource nodes) {
        long size = end - start;
        if (Long.bitCount(size) == 1 && start % size == 0) {
            int level = Long.numberOfTrailingZeros(size);
            return nodes.node(level, start >> level);
        }
        long k = split(size);
        return MerkleHash.node(range(start, start + k, nodes), range(start + k, end, nodes));
    }

    private static void path(long leaf, long start, long end, NodeSource nodes, List<byte[]> proof) {
        if (end - start == 1) {
            return;
        }
        long k = split(end - start);
        if (leaf < start + k) {
            path(leaf, start, start + k, nodes, proof);
            proof.add(range(start + k, end, nodes));
        } else {
            path(leaf, start + k, end, nodes, proof);
            proof.add(range(start, start + k, nodes));
        }
    }

    /** RFC 6962 SUBPROOF(m, D[start:end], whole) with m counted from start. */
    private static void subproof(long m, long start, long end, boolean whole, NodeSource nodes, List<byte[]> proof) {
        long n = end - start;
        if (m == n) {
            if (!whole) {
                proof.add(range(start, end, nodes));
            }
            return;
        }
        long k = split(n);
        if (m <= k) {
            subproof(m, start, start + k, whole, nodes, proof);
            proof.add(range(start + k, end, nodes));
        } else {
            subproof(m - k, start + k, end, false, nodes, proof);
            proof.add(range(start, start + k, nodes));
        }
    }

    /** The largest power of two strictly below n (n >= 2). */
    static long split(long n) {
        return Long.highestOneBit(n - 1);
    }

    private static boolean isHash(byte[] hash) {
        return hash != null && hash.length == MerkleHash.SIZE;
    }

    private static void requireSize(long size) {
        if (size < 0) {
            throw new IllegalArgumentException("negative tree size " + size);
        }
    }
}
