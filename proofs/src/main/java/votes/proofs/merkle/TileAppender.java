package votes.proofs.merkle;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import votes.proofs.merkle.RightEdge.PartialTile;

/**
 * Appends leaves to a tiled log, starting from its stored size and right edge: what one ledger batch does to one
 * log. It yields the tiles the appends completed (insert them) and the new right edge (store it), and the new
 * root, computed from the right edge alone: every complete subtree of the size's binary decomposition lies in the
 * partial tile of its level.
 */
public final class TileAppender {

    private final Map<Integer, List<byte[]>> partial = new TreeMap<>();
    private final Map<Integer, Long> partialIndex = new TreeMap<>();
    private final List<Tile> fullTiles = new ArrayList<>();
    private long size;

    public TileAppender(long size, byte[] rightEdge) {
        if (size < 0) {
            throw new IllegalArgumentException("negative log size " + size);
        }
        this.size = size;
        RightEdge.decode(rightEdge).forEach((level, tile) -> {
            List<byte[]> hashes = new ArrayList<>();
            for (int i = 0; i < Tiles.count(tile.hashes()); i++) {
                hashes.add(Tiles.hashAt(tile.hashes(), i));
            }
            partial.put(level, hashes);
            partialIndex.put(level, tile.index());
        });
        checkConsistentWithSize();
    }

    public void append(byte[] leafHash) {
        if (leafHash == null || leafHash.length != MerkleHash.SIZE) {
            throw new IllegalArgumentException("a leaf hash is " + MerkleHash.SIZE + " bytes");
        }
        size++;
        add(0, leafHash);
    }

    private void add(int level, byte[] hash) {
        List<byte[]> hashes = partial.computeIfAbsent(level, l -> new ArrayList<>());
        hashes.add(hash);
        // The tile index of a level follows from the size: count of complete nodes at level 4t, over 16.
        long completeNodes = size >> (Tiles.HEIGHT * level);
        long index = (completeNodes - 1) / Tiles.WIDTH;
        partialIndex.put(level, index);
        if (hashes.size() == Tiles.WIDTH) {
            byte[] bytes = concat(hashes);
            fullTiles.add(new Tile(level, index, bytes));
            byte[] tileRoot = Tiles.subtreeRoot(hashes, 0, Tiles.WIDTH);
            partial.remove(level);
            partialIndex.remove(level);
            add(level + 1, tileRoot);
        }
    }

    public long size() {
        return size;
    }

    public byte[] root() {
        if (size == 0) {
            return MerkleHash.emptyRoot();
        }
        List<byte[]> nodes = new ArrayList<>();
        for (int level = 63 - Long.numberOfLeadingZeros(size); level >= 0; level--) {
            if ((size >> level & 1) == 1) {
                nodes.add(decompositionNode(level));
            }
        }
        byte[] root = nodes.get(nodes.size() - 1);
        for (int i = nodes.size() - 2; i >= 0; i--) {
            root = MerkleHash.node(nodes.get(i), root);
        }
        return root;
    }

    /** The complete subtree at {@code level} that bit {@code level} of the size stands for. */
    private byte[] decompositionNode(int level) {
        int tileLevel = level / Tiles.HEIGHT;
        int below = level - tileLevel * Tiles.HEIGHT;
        // Node indexes at level 4t covered by this subtree: [end - count, end).
        long end = (size >> level) << below;
        int count = 1 << below;
        int from = (int) ((end - count) % Tiles.WIDTH);
        return Tiles.subtreeRoot(partial.get(tileLevel), from, count);
    }

    /** Tiles completed since this appender was created, in completion order. */
    public List<Tile> fullTiles() {
        return List.copyOf(fullTiles);
    }

    public byte[] rightEdge() {
        Map<Integer, PartialTile> tiles = new TreeMap<>();
        partial.forEach((level, hashes) -> tiles.put(level, new PartialTile(partialIndex.get(level), concat(hashes))));
        return RightEdge.encode(tiles);
    }

    private void checkConsistentWithSize() {
        for (int level = 0; (size >> (Tiles.HEIGHT * level)) > 0; level++) {
            long completeNodes = size >> (Tiles.HEIGHT * level);
            int expected = (int) (completeNodes % Tiles.WIDTH);
            int actual = partial.containsKey(level) ? partial.get(level).size() : 0;
            if (expected != actual) {
                throw new IllegalStateException("right edge does not fit a log of " + size + " leaves: level "
                        + level + " has " + actual + " hashes, expected " + expected);
            }
        }
    }

    private static byte[] concat(List<byte[]> hashes) {
        byte[] bytes = new byte[hashes.size() * MerkleHash.SIZE];
        for (int i = 0; i < hashes.size(); i++) {
            System.arraycopy(hashes.get(i), 0, bytes, i * MerkleHash.SIZE, MerkleHash.SIZE);
        }
        return bytes;
    }
}
