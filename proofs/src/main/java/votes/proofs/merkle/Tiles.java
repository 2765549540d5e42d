package votes.proofs.merkle;

import java.util.List;

/**
 * How a log stores its nodes: a tile of tile-level {@code t} and index {@code k} holds the hashes of the tree
 * nodes at tree level {@code 4t} with indexes {@code [16k, 16k + 16)}. Height 4 means one row per 16 leaves
 * (about 1/15 extra rows over all levels) and at most 8 stored hashes hashed together to rebuild any node.
 */
public final class Tiles {

    public static final int HEIGHT = 4;
    public static final int WIDTH = 1 << HEIGHT;

    private Tiles() {
    }

    /** The perfect-tree root over 2^k consecutive hashes, read from {@code hashes} at [from, from + count). */
    static byte[] subtreeRoot(List<byte[]> hashes, int from, int count) {
        if (count == 1) {
            return hashes.get(from);
        }
        int half = count / 2;
        return MerkleHash.node(subtreeRoot(hashes, from, half), subtreeRoot(hashes, from + half, half));
    }

    static byte[] hashAt(byte[] tile, int position) {
        byte[] hash = new byte[MerkleHash.SIZE];
        System.arraycopy(tile, position * MerkleHash.SIZE, hash, 0, MerkleHash.SIZE);
        return hash;
    }

    static int count(byte[] tile) {
        return tile.length / MerkleHash.SIZE;
    }
}
