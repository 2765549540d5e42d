package votes.ledger.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import votes.infra.postgres.role.DatabaseRole;
import votes.infra.test.LocalStackResource;
import votes.infra.test.TestStack;

/**
 * Least privilege on the real server, after the ledger's own Flyway ran at start as the owner: the ledger writes
 * rows but cannot change the schema, the reader only reads, nobody gets in without the right SCRAM password.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackResource.class, restrictToAnnotatedClass = false)
class DatabaseRolesIT {

    /** PostgreSQL's SQLSTATE for "permission denied" (insufficient_privilege). */
    private static final String PERMISSION_DENIED = "42501";
    /** invalid_password: SCRAM verification of a wrong password. */
    private static final String INVALID_PASSWORD = "28P01";

    private final TestStack stack = LocalStackResource.stack();

    @Test
    void aConnectionWithoutAPasswordOrWithAWrongOneIsRefused() {
        for (DatabaseRole role : DatabaseRole.values()) {
            Properties noPassword = new Properties();
            noPassword.setProperty("user", role.user());
            assertThatThrownBy(() -> DriverManager.getConnection(stack.jdbcUrl(), noPassword).close())
                    .isInstanceOf(SQLException.class).hasMessageContaining("no password was provided");
            assertThatThrownBy(() -> DriverManager.getConnection(stack.jdbcUrl(), role.user(), "votes").close())
                    .isInstanceOf(SQLException.class).hasMessageContaining("password authentication failed")
                    .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo(INVALID_PASSWORD);
        }
    }

    @Test
    void theReaderCannotInsertIntoVotesNorAnyOtherTable() throws SQLException {
        try (Connection reader = stack.connect(DatabaseRole.READER); Statement sql = reader.createStatement()) {
            try (ResultSet rows = sql.executeQuery("SELECT count(*) FROM votes")) {
                assertThat(rows.next()).isTrue();
            }
            for (String table : List.of("votes", "rejections", "tally_deltas", "polls", "checkpoints", "flags",
                    "flagged_votes")) {
                assertThatThrownBy(() -> sql.executeUpdate("INSERT INTO " + table + " DEFAULT VALUES"))
                        .as(table).isInstanceOf(SQLException.class).hasMessageContaining("permission denied")
                        .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo(PERMISSION_DENIED);
            }
            assertThatThrownBy(() -> sql.executeUpdate("UPDATE votes SET option_id = option_id"))
                    .hasMessageContaining("permission denied for table votes");
        }
    }

    @Test
    void theLedgersRoleWritesRowsButCannotCreateAlterOrDropATable() throws SQLException {
        try (Connection ledger = stack.connect(DatabaseRole.LEDGER); Statement sql = ledger.createStatement()) {
            assertThat(privileges(sql, "votes_ledger", "votes")).containsExactly("INSERT", "SELECT", "UPDATE");
            assertThatThrownBy(() -> sql.execute("CREATE TABLE ledger_role_it (id int)"))
                    .hasMessageContaining("permission denied for schema public");
            assertThatThrownBy(() -> sql.execute("DROP TABLE votes"))
                    .hasMessageContaining("must be owner of table votes");
            assertThatThrownBy(() -> sql.execute("ALTER TABLE votes ADD COLUMN x int"))
                    .hasMessageContaining("must be owner of table votes");
            assertThatThrownBy(() -> sql.execute("TRUNCATE votes"))
                    .hasMessageContaining("permission denied for table votes");
            assertThatThrownBy(() -> sql.executeUpdate("DELETE FROM flyway_schema_history"))
                    .hasMessageContaining("permission denied for table flyway_schema_history");
        }
    }

    @Test
    void theMigrationRoleOwnsTheSchemaAndEveryTableAndFlywayRanAsIt() throws SQLException {
        try (Connection reader = stack.connect(DatabaseRole.READER); Statement sql = reader.createStatement()) {
            assertThat(column(sql, "SELECT nspowner::regrole::text FROM pg_namespace WHERE nspname = 'public'"))
                    .containsExactly("votes");
            assertThat(column(sql, "SELECT DISTINCT tableowner FROM pg_tables WHERE schemaname = 'public'"))
                    .containsExactly("votes");
            assertThat(column(sql, "SELECT DISTINCT installed_by FROM flyway_schema_history")).containsExactly("votes");
            assertThat(column(sql, "SELECT datdba::regrole::text FROM pg_database WHERE datname = 'votes'"))
                    .containsExactly("votes");
        }
    }

    @Test
    void aTableALaterMigrationCreatesGetsTheSameGrantsThroughDefaultPrivileges() throws SQLException {
        try (Connection owner = stack.connect(DatabaseRole.OWNER); Statement sql = owner.createStatement()) {
            sql.execute("CREATE TABLE IF NOT EXISTS default_privileges_it (id int)");
            try {
                assertThat(privileges(sql, "votes_ledger", "default_privileges_it"))
                        .containsExactly("INSERT", "SELECT", "UPDATE");
                assertThat(privileges(sql, "votes_reader", "default_privileges_it")).containsExactly("SELECT");
                assertThat(privileges(sql, "votes_relay", "default_privileges_it")).isEmpty();
            } finally {
                sql.execute("DROP TABLE default_privileges_it");
            }
        }
    }

    @Test
    void theRelayReadsOnlyWhatItStreamsAndUpsertsOnlyItsHeartbeat() throws SQLException {
        try (Connection relay = stack.connect(DatabaseRole.RELAY); Statement sql = relay.createStatement()) {
            assertThat(column(sql, "SELECT rolreplication::text FROM pg_roles WHERE rolname = current_user"))
                    .containsExactly("true");
            assertThat(column(sql, "SELECT tablename FROM pg_publication_tables WHERE pubname = 'votes_cdc_relay'"
                    + " ORDER BY tablename")).containsExactly("cdc_heartbeat", "polls", "tally_deltas");
            assertThat(privileges(sql, "votes_relay", "cdc_heartbeat")).containsExactly("INSERT", "SELECT", "UPDATE");
            assertThat(privileges(sql, "votes_relay", "tally_deltas")).containsExactly("SELECT");
            assertThatThrownBy(() -> sql.executeQuery("SELECT count(*) FROM votes").close())
                    .hasMessageContaining("permission denied for table votes");
            assertThatThrownBy(() -> sql.executeUpdate("INSERT INTO tally_deltas DEFAULT VALUES"))
                    .hasMessageContaining("permission denied for table tally_deltas");
        }
    }

    /** The table privileges a role holds (any role's, asked as any user: has_table_privilege). */
    private static List<String> privileges(Statement sql, String role, String table) throws SQLException {
        return column(sql, "SELECT p FROM unnest(ARRAY['DELETE', 'INSERT', 'REFERENCES', 'SELECT', 'TRIGGER',"
                + " 'TRUNCATE', 'UPDATE']) AS p WHERE has_table_privilege('" + role + "', 'public." + table + "', p)"
                + " ORDER BY p");
    }

    private static List<String> column(Statement sql, String query) throws SQLException {
        List<String> values = new ArrayList<>();
        try (ResultSet rows = sql.executeQuery(query)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }
}
