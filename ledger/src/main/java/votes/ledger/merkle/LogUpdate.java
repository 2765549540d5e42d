package votes.ledger.merkle;

import java.util.List;
import votes.proofs.merkle.Tile;

/** What one batch changes in one log: the new head ({@code merkle_logs}) and the tiles it completed. */
public record LogUpdate(int logId, long size, byte[] root, byte[] rightEdge, List<Tile> fullTiles) {
}
