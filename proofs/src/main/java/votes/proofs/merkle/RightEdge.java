package votes.proofs.merkle;

import java.nio.ByteBuffer;
import java.util.Map;
import java.util.TreeMap;

/**
 * The partial tile of every level of a log, as one value: what an append needs to continue and what a proof
 * needs besides the full tiles. Encoding: per level {@code [level:int][index:long][count:int][count hashes]}.
 */
public final class RightEdge {

    private RightEdge() {
    }

    public static byte[] encode(Map<Integer, PartialTile> tiles) {
        int bytes = 0;
        for (PartialTile tile : tiles.values()) {
            bytes += Integer.BYTES + Long.BYTES + Integer.BYTES + tile.hashes().length;
        }
        ByteBuffer buffer = ByteBuffer.allocate(bytes);
        for (Map.Entry<Integer, PartialTile> entry : new TreeMap<>(tiles).entrySet()) {
            PartialTile tile = entry.getValue();
            buffer.putInt(entry.getKey()).putLong(tile.index()).putInt(Tiles.count(tile.hashes())).put(tile.hashes());
        }
        return buffer.array();
    }

    public static Map<Integer, PartialTile> decode(byte[] encoded) {
        Map<Integer, PartialTile> tiles = new TreeMap<>();
        if (encoded == null) {
            return tiles;
        }
        ByteBuffer buffer = ByteBuffer.wrap(encoded);
        while (buffer.hasRemaining()) {
            int level = buffer.getInt();
            long index = buffer.getLong();
            int count = buffer.getInt();
            if (count < 0 || count >= Tiles.WIDTH) {
                throw new IllegalArgumentException("corrupt right edge: " + count + " hashes at level " + level);
            }
            byte[] hashes = new byte[count * MerkleHash.SIZE];
            buffer.get(hashes);
            tiles.put(level, new PartialTile(index, hashes));
        }
        return tiles;
    }

    /** The not-yet-full tile of one level: its index and the hashes it has so far. */
    public record PartialTile(long index, byte[] hashes) {
    }
}
