package votes.audit.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import votes.proofs.checkpoint.LogHead;
import votes.proofs.checkpoint.SignedCheckpoint;

/** Single checkpoints from the {@code checkpoints} table. */
public final class Checkpoints {

    static final String COLUMNS = "sequence, origin, issued_at, body::text, signature, key_id, public_key";

    private final Connection db;

    public Checkpoints(Connection db) {
        this.db = db;
    }

    /** The checkpoint with this sequence number, or null. */
    public SignedCheckpoint bySequence(long sequence) throws SQLException {
        try (PreparedStatement q = db.prepareStatement("SELECT " + COLUMNS + " FROM checkpoints WHERE sequence = ?")) {
            q.setLong(1, sequence);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? read(rs) : null;
            }
        }
    }

    /** The latest checkpoint whose log {@code log} holds more than {@code leafIndex} leaves, or null. */
    public SignedCheckpoint latestCovering(int log, long leafIndex) throws SQLException {
        try (PreparedStatement q = db.prepareStatement("SELECT " + COLUMNS + " FROM checkpoints ORDER BY sequence DESC LIMIT 1")) {
            try (ResultSet rs = q.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                SignedCheckpoint latest = read(rs);
                LogHead head = latest.checkpoint().log(log);
                // Sizes only grow: if the latest does not cover the leaf, no older one does.
                return head != null && head.size() > leafIndex ? latest : null;
            }
        }
    }

    static SignedCheckpoint read(ResultSet rs) throws SQLException {
        OffsetDateTime issued = rs.getObject(3, OffsetDateTime.class);
        return LedgerReader.checkpoint(rs.getLong(1), rs.getString(2), issued.toInstant(), rs.getString(4), rs.getBytes(5),
                rs.getString(6), rs.getString(7));
    }
}
