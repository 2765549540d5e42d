package votes.proofs.merkle;

/** Where a tile is stored: tile level (tree level / {@link Tiles#HEIGHT}) and index at that level. */
public record TileKey(int level, long index) {
}
