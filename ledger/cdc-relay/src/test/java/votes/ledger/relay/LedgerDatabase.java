package votes.ledger.relay;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import votes.infra.test.TestStack;

/** The ledger's schema (its own Flyway files, in version order) and the rows the relay streams, over JDBC. */
final class LedgerDatabase {

    private final TestStack stack;

    LedgerDatabase(TestStack stack) {
        this.stack = stack;
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(stack.jdbcUrl(), "votes", "votes");
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
        try (Connection connection = connect(); PreparedStatement drop = connection.prepareStatement(
                "SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots WHERE slot_name = ? AND NOT active")) {
            drop.setString(1, slot);
            drop.executeQuery().close();
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
