package votes.proofs.merkle;

/** A full tile: {@link Tiles#WIDTH} hashes, concatenated. Written once, never changed. */
public record Tile(int level, long index, byte[] hashes) {

    public TileKey key() {
        return new TileKey(level, index);
    }
}
