package votes.audit.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Reads {@code vote_voids} (one row per applied VotesVoided: small, read whole) in the caller's transaction. */
final class VoidRows {

    private VoidRows() {
    }

    /** The rows of {@code poll} (or all), in poll-events order. */
    static List<VoidRow> read(Connection db, String poll) throws SQLException {
        List<VoidRow> rows = new ArrayList<>();
        try (PreparedStatement q = db.prepareStatement("SELECT event_id, poll_id, flag_id, reason, voided_at,"
                + " named_votes, voided_votes, counted, kafka_partition, kafka_offset, log_id, leaf_index"
                + " FROM vote_voids" + (poll == null ? "" : " WHERE poll_id = ?")
                + " ORDER BY kafka_partition, kafka_offset")) {
            if (poll != null) {
                q.setString(1, poll);
            }
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    OffsetDateTime voidedAt = rs.getObject(5, OffsetDateTime.class);
                    rows.add(new VoidRow(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                            rs.getString(4), voidedAt == null ? null : voidedAt.toInstant(), rs.getInt(6),
                            rs.getInt(7), rs.getBoolean(8), rs.getInt(9), rs.getLong(10),
                            rs.getObject(11, Integer.class), rs.getObject(12, Long.class)));
                }
            }
        }
        return rows;
    }
}
