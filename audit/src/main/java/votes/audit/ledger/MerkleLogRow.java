package votes.audit.ledger;

/** One row of {@code merkle_logs}: the ledger's current size and root of one partition's log. */
public record MerkleLogRow(int log, long size, byte[] root) {
}
