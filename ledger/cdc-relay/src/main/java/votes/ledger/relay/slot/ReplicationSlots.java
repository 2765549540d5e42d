package votes.ledger.relay.slot;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Properties;
import org.postgresql.replication.LogSequenceNumber;

/**
 * The relay's questions to PostgreSQL about its replication slot, on a JDBC connection of its own (never the
 * connector's), so they still answer while the engine is down or refusing to start.
 *
 * <p>The slot check keeps its connection between readings: a login per reading (SCRAM's key derivation on both sides
 * and a new backend process) cost the idle relay ~2 ms/s of CPU at one reading every 10 s, more than the query. A
 * connection that broke (PostgreSQL restarted) is dropped and the reading tried once more on a fresh one, so a
 * restart is not reported as a failed reading. Dropping the slot still uses a connection of its own.
 */
public final class ReplicationSlots implements AutoCloseable {

    private static final String STATE = "SELECT slot_name, active, restart_lsn, confirmed_flush_lsn, pg_current_wal_lsn(),"
            + " wal_status, safe_wal_size FROM pg_replication_slots WHERE slot_name = ?";
    private static final String DROP = "SELECT pg_drop_replication_slot(?)";

    private final String url;
    private final Properties credentials;
    private final String slot;
    private Connection held;

    /**
     * @param timeoutSeconds connect and socket timeout: a check must not hang the relay while PostgreSQL does
     */
    public ReplicationSlots(String host, String port, String database, String user, String password, String slot,
                            int timeoutSeconds) {
        this.url = "jdbc:postgresql://" + host + ":" + port + "/" + database;
        this.credentials = new Properties();
        credentials.setProperty("user", user);
        credentials.setProperty("password", password);
        credentials.setProperty("ApplicationName", "votes-cdc-relay-slot-check");
        credentials.setProperty("connectTimeout", Integer.toString(timeoutSeconds));
        credentials.setProperty("socketTimeout", Integer.toString(timeoutSeconds));
        this.slot = slot;
    }

    public String slotName() {
        return slot;
    }

    /** The slot's row, or empty if the slot does not exist. */
    public synchronized Optional<SlotState> state() throws SQLException {
        // A held connection may have died with a PostgreSQL restart since the last reading: one more try, fresh.
        int attempts = held == null ? 1 : 2;
        for (int attempt = 1; ; attempt++) {
            try {
                if (held == null) {
                    held = DriverManager.getConnection(url, credentials);
                }
                return read(held);
            } catch (SQLException e) {
                close();
                if (attempt == attempts) {
                    throw e;
                }
            }
        }
    }

    private Optional<SlotState> read(Connection db) throws SQLException {
        try (PreparedStatement query = db.prepareStatement(STATE)) {
            query.setString(1, slot);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                // NULL when max_slot_wal_keep_size is unlimited (or the slot is lost).
                Number safeWalSize = (Number) row.getObject(7);
                return Optional.of(new SlotState(row.getString(1), row.getBoolean(2), lsn(row.getString(3)),
                        lsn(row.getString(4)), lsn(row.getString(5)), row.getString(6),
                        safeWalSize == null ? -1 : safeWalSize.longValue()));
            }
        }
    }

    /** Drops the slot; PostgreSQL refuses while a walsender (a running relay) holds it. */
    public void drop() throws SQLException {
        try (Connection db = DriverManager.getConnection(url, credentials);
             PreparedStatement drop = db.prepareStatement(DROP)) {
            drop.setString(1, slot);
            drop.executeQuery().close();
        }
    }

    /** Closes the held connection, if any; the next reading opens a new one. */
    @Override
    public synchronized void close() {
        if (held != null) {
            try {
                held.close();
            } catch (SQLException ignored) {
                // Closing a broken connection can fail; it is dropped either way.
            }
            held = null;
        }
    }

    private static long lsn(String text) {
        return text == null ? -1 : LogSequenceNumber.valueOf(text).asLong();
    }
}
