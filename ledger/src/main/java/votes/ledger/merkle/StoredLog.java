package votes.ledger.merkle;

/**
 * A {@code merkle_logs} row as a batch locked it: what appending to the log starts from.
 *
 * @param rightEdge the partial tile of every level, {@link votes.proofs.merkle.RightEdge}'s encoding
 */
public record StoredLog(int logId, long size, byte[] rightEdge) {
}
