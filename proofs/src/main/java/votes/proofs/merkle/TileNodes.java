package votes.proofs.merkle;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import votes.proofs.merkle.RightEdge.PartialTile;

/**
 * Nodes of a stored log, rebuilt from its full tiles and its right edge. A node at tree level L lies in the tile
 * of tile-level L/4 and is the root over 2^(L mod 4) consecutive hashes of it. Proofs for any tree size up to the
 * stored one work: tiles are append-only, so an older tree is a prefix.
 */
public final class TileNodes implements NodeSource {

    private final Map<TileKey, byte[]> fullTiles;
    private final Map<Integer, PartialTile> rightEdge;

    public TileNodes(Map<TileKey, byte[]> fullTiles, byte[] rightEdge) {
        this.fullTiles = fullTiles;
        this.rightEdge = RightEdge.decode(rightEdge);
    }

    @Override
    public byte[] node(int level, long index) {
        int tileLevel = level / Tiles.HEIGHT;
        int below = level - tileLevel * Tiles.HEIGHT;
        long first = index << below;
        int count = 1 << below;
        long tileIndex = first / Tiles.WIDTH;
        byte[] tile = tile(tileLevel, tileIndex);
        int from = (int) (first % Tiles.WIDTH);
        if (tile == null || Tiles.count(tile) < from + count) {
            throw new IllegalStateException("the log has no node at level " + level + " index " + index
                    + " (tile " + tileLevel + "/" + tileIndex + " missing or too short)");
        }
        List<byte[]> hashes = IntStream.range(0, Tiles.count(tile)).mapToObj(i -> Tiles.hashAt(tile, i))
                .collect(Collectors.toList());
        return Tiles.subtreeRoot(hashes, from, count);
    }

    private byte[] tile(int tileLevel, long tileIndex) {
        byte[] full = fullTiles.get(new TileKey(tileLevel, tileIndex));
        if (full != null) {
            return full;
        }
        PartialTile partial = rightEdge.get(tileLevel);
        return partial != null && partial.index() == tileIndex ? partial.hashes() : null;
    }

    /** The full tiles answering this request may read (some may be the right edge instead): fetch them at once. */
    public static Set<TileKey> needed(ProofRequest request) {
        Set<TileKey> keys = new LinkedHashSet<>();
        NodeSource recorder = (level, index) -> {
            int tileLevel = level / Tiles.HEIGHT;
            long first = index << (level - tileLevel * Tiles.HEIGHT);
            keys.add(new TileKey(tileLevel, first / Tiles.WIDTH));
            return new byte[MerkleHash.SIZE];
        };
        if (request instanceof ProofRequest.Root root) {
            MerkleProofs.root(root.size(), recorder);
        } else if (request instanceof ProofRequest.Inclusion inclusion) {
            MerkleProofs.inclusion(inclusion.leafIndex(), inclusion.treeSize(), recorder);
        } else if (request instanceof ProofRequest.Consistency consistency) {
            MerkleProofs.consistency(consistency.oldSize(), consistency.newSize(), recorder);
        }
        return keys;
    }
}
