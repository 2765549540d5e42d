package votes.ledger.relay;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.postgresql.replication.LogSequenceNumber;
import votes.infra.postgres.role.DatabaseLogin;
import votes.infra.postgres.role.DatabaseRole;
import votes.infra.test.TestStack;
import votes.ledger.relay.slot.ReplicationSlots;
import votes.ledger.relay.slot.SlotState;

/** The ledger's schema (its own Flyway files, in version order) and the rows the relay streams, over JDBC. */
final class LedgerDatabase {

    private final TestStack stack;

    LedgerDatabase(TestStack stack) {
        this.stack = stack;
    }

    /** As the schema's owner, as the ledger's Flyway: writes test rows, creates the schema and publications. */
    Connection connect() throws SQLException {
        return stack.connect(DatabaseRole.OWNER);
    }

    /**
     * The relay's test publication, created by the owner as V7 creates the stack's own: only a table's owner may
     * publish it, and the relay's role is not. The same tables as Debezium's filtered list, so it uses it as is.
     */
    void publication(String name) throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_publication WHERE pubname = '" + name
                    + "') THEN CREATE PUBLICATION " + name + " FOR TABLE tally_deltas, polls, cdc_heartbeat; END IF; END $$");
        }
    }

    /** Runs ledger/src/main/resources/db/migration/V*.sql once per stack (the stack lives as long as the JVM). */
    void migrate() throws SQLException, IOException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            try (ResultSet exists = statement.executeQuery("SELECT to_regclass('public.tally_deltas') IS NOT NULL")) {
                exists.next();
                if (exists.getBoolean(1)) {
                    return;
                }
            }
            for (Path file : migrations()) {
                statement.execute(Files.readString(file));
            }
        }
    }

    private static List<Path> migrations() throws IOException {
        Path root = Path.of(System.getProperty("vote.root", "../.."));
        try (Stream<Path> files = Files.list(root.resolve("ledger/src/main/resources/db/migration"))) {
            return files.filter(f -> f.getFileName().toString().matches("V\\d+__.*\\.sql"))
                    .sorted(Comparator.comparingInt(f -> Integer.parseInt(f.getFileName().toString().split("__")[0].substring(1))))
                    .toList();
        }
    }

    /** One committed row of tally_deltas (autocommit: the insert is its own transaction). */
    static void insertDelta(PreparedStatement insert, UUID deltaId, String pollId, String optionId, int count)
            throws SQLException {
        insert.setObject(1, deltaId);
        insert.setString(2, pollId);
        insert.setString(3, optionId);
        insert.setInt(4, count);
        insert.executeUpdate();
    }

    static PreparedStatement deltaInsert(Connection connection) throws SQLException {
        return connection.prepareStatement(
                "INSERT INTO tally_deltas (delta_id, poll_id, option_id, vote_count) VALUES (?, ?, ?, ?)");
    }

    /** Drops the relay's slot if a killed relay left it behind (a cleanly stopped test relay drops it itself). */
    void dropSlot(String slot) throws SQLException {
        try (Connection connection = stack.connect(DatabaseRole.RELAY); PreparedStatement drop = connection.prepareStatement(
                "SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots WHERE slot_name = ? AND NOT active")) {
            drop.setString(1, slot);
            drop.executeQuery().close();
        }
    }

    /** The slot's row as the relay itself reads it (empty: no such slot). */
    Optional<SlotState> slot(String slot) throws SQLException {
        try (ReplicationSlots slots = slotCheck(slot)) {
            return slots.state();
        }
    }

    /** The relay's slot check, logged in as the relay; it holds its connection until closed. */
    ReplicationSlots slotCheck(String slot) {
        DatabaseLogin relay = stack.pgLogin(DatabaseRole.RELAY);
        return new ReplicationSlots("127.0.0.1", Integer.toString(stack.settings().ports().postgres()), "votes",
                relay.user(), relay.password(), slot, 10);
    }

    /** PostgreSQL's own safe_wal_size for the slot, asked directly; empty when NULL (no max_slot_wal_keep_size). */
    Optional<Long> safeWalSize(String slot) throws SQLException {
        try (Connection connection = connect(); PreparedStatement query = connection.prepareStatement(
                "SELECT safe_wal_size FROM pg_replication_slots WHERE slot_name = ?")) {
            query.setString(1, slot);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                long size = row.getLong(1);
                return row.wasNull() ? Optional.empty() : Optional.of(size);
            }
        }
    }

    long currentWalLsn() throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT pg_current_wal_lsn()")) {
            row.next();
            return LogSequenceNumber.valueOf(row.getString(1)).asLong();
        }
    }

    /**
     * Moves the slot's confirmed position to the server's current one, as pgjdbc's keepalive flush did; as the relay's
     * role, the one with REPLICATION.
     */
    void advanceSlotToNow(String slot) throws SQLException {
        try (Connection connection = stack.connect(DatabaseRole.RELAY); PreparedStatement advance = connection.prepareStatement(
                "SELECT pg_replication_slot_advance(?, pg_current_wal_lsn())")) {
            advance.setString(1, slot);
            advance.executeQuery().close();
        }
    }

    /**
     * Rejections the relay does not track (like every ledger batch's votes): WAL the slot must not pin.
     *
     * @return rows written
     */
    int insertRejections(int count) throws SQLException {
        try (Connection connection = connect(); PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO rejections (event_id, poll_id, voter_id, option_id, reason, submitted_at, kafka_partition,"
                        + " kafka_offset) VALUES (?, 'untracked-poll', ?, 'a', 'duplicate', now(), 0, 0)")) {
            connection.setAutoCommit(false);
            for (int i = 0; i < count; i++) {
                UUID id = UUID.randomUUID();
                insert.setObject(1, id);
                insert.setString(2, "voter-" + id);
                insert.addBatch();
            }
            insert.executeBatch();
            connection.commit();
            return count;
        }
    }

    long slots(String slot) throws SQLException {
        try (Connection connection = connect(); PreparedStatement count = connection.prepareStatement(
                "SELECT count(*) FROM pg_replication_slots WHERE slot_name = ?")) {
            count.setString(1, slot);
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
