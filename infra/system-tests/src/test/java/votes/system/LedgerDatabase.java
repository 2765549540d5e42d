package votes.system;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.UUID;
import votes.infra.postgres.role.DatabaseRole;
import votes.infra.test.TestStack;

/** Read-only questions to the ledger's PostgreSQL, asked the way an operator would with psql: as the reader role. */
public final class LedgerDatabase {

    private final TestStack stack;

    public LedgerDatabase(TestStack stack) {
        this.stack = stack;
    }

    public long recordedVotes(String pollId) {
        return count("SELECT count(*) FROM votes WHERE poll_id = ?", pollId);
    }

    /** (poll, voter) pairs with more than one recorded vote, over the whole ledger: the unique constraint says 0. */
    public long votersRecordedTwice() {
        return count("SELECT count(*) FROM (SELECT 1 FROM votes GROUP BY poll_id, voter_id HAVING count(*) > 1) twice");
    }

    /** Every recorded vote of the ledger, all polls. */
    public long recordedVotes() {
        return count("SELECT count(*) FROM votes");
    }

    /** Every rejection of the ledger, all polls. */
    public long rejections() {
        return count("SELECT count(*) FROM rejections");
    }

    public long rejections(String pollId) {
        return count("SELECT count(*) FROM rejections WHERE poll_id = ?", pollId);
    }

    public long recordedVotes(String pollId, String voterId) {
        return count("SELECT count(*) FROM votes WHERE poll_id = ? AND voter_id = ?", pollId, voterId);
    }

    /** How many of these events are recorded: each event id can be in the ledger at most once (unique). */
    public long recordedAmong(Collection<UUID> eventIds) {
        try (Connection db = connect();
             PreparedStatement query = db.prepareStatement("SELECT count(*) FROM votes WHERE event_id = ANY (?)")) {
            Array ids = db.createArrayOf("uuid", eventIds.toArray());
            query.setArray(1, ids);
            return single(query);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public long rejectedAmong(Collection<UUID> eventIds) {
        try (Connection db = connect();
             PreparedStatement query = db.prepareStatement("SELECT count(*) FROM rejections WHERE event_id = ANY (?)")) {
            query.setArray(1, db.createArrayOf("uuid", eventIds.toArray()));
            return single(query);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The ledger's own tally: {@code SELECT option_id, count(*) FROM votes GROUP BY option_id} for one poll, of the
     * votes no void voided (a voided vote keeps its row but no longer counts).
     */
    public java.util.Map<String, Long> tally(String pollId) {
        java.util.Map<String, Long> tally = new java.util.TreeMap<>();
        try (Connection db = connect();
             PreparedStatement query = db.prepareStatement("SELECT option_id, count(*) FROM votes"
                     + " WHERE poll_id = ? AND voided_at IS NULL GROUP BY option_id")) {
            query.setString(1, pollId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    tally.put(rows.getString(1), rows.getLong(2));
                }
            }
            return tally;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public String voterIdOf(UUID eventId) {
        try (Connection db = connect();
             PreparedStatement query = db.prepareStatement("SELECT voter_id FROM votes WHERE event_id = ?")) {
            query.setObject(1, eventId);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private long count(String sql, String... parameters) {
        try (Connection db = connect(); PreparedStatement query = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setString(i + 1, parameters[i]);
            }
            return single(query);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long single(PreparedStatement query) throws SQLException {
        try (ResultSet row = query.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }

    private Connection connect() throws SQLException {
        return stack.connect(DatabaseRole.READER);
    }
}
