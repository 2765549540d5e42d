package votes.infra.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import votes.infra.postgres.role.DatabaseRole;
import votes.infra.secret.StackSecrets;

class PostgresConfigTest {

    private static final Path ARCHIVE = Path.of("/home/x/data/postgres-archive");
    private static final String SEGMENT = "000000010000000000000003";

    @TempDir
    Path tmp;

    @Test
    void serverListensOnLoopbackWithLogicalWalForCdc() {
        String conf = new PostgresConfig(15433, Path.of("/home/x/socket"), ARCHIVE).conf();
        assertThat(conf).contains("listen_addresses = '127.0.0.1'", "port = 15433",
                "unix_socket_directories = '/home/x/socket'", "wal_level = logical", "max_replication_slots = 10",
                "max_wal_senders = 10", "fsync = on");
    }

    @Test
    void durabilityIsNotTradedForSpeed() {
        assertThat(new PostgresConfig(1, Path.of("/s"), ARCHIVE).conf())
                .doesNotContain("synchronous_commit", "fsync = off");
    }

    @Test
    void aReplicationSlotThatFallsBehindCannotPinWalWithoutBound() {
        assertThat(new PostgresConfig(1, Path.of("/s"), ARCHIVE).conf()).contains("max_slot_wal_keep_size = 2GB");
    }

    @Test
    void completedSegmentsAreArchivedAtLeastEveryMinuteForPointInTimeRecovery() {
        PostgresConfig config = new PostgresConfig(1, Path.of("/s"), ARCHIVE);
        assertThat(config.conf()).contains("archive_mode = on", "archive_timeout = 60",
                "archive_command = '" + config.archiveCommand() + "'");
        assertThat(config.archiveCommand()).contains(ARCHIVE.toString(), "%p", "%f")
                .as("a single quote would end the setting's value").doesNotContain("'");
    }

    @Test
    void archiveCommandCopiesASegmentWholeAndAcceptsTheSameSegmentAgain() throws Exception {
        Path archive = Files.createDirectory(tmp.resolve("archive"));
        Path pgdata = walSegment("first contents");
        String command = new PostgresConfig(1, Path.of("/s"), archive).archiveCommand();

        assertThat(run(command, pgdata)).isZero();
        assertThat(archive.resolve(SEGMENT)).hasContent("first contents");
        assertThat(archive.resolve(SEGMENT + ".partial")).doesNotExist();

        assertThat(run(command, pgdata)).as("retried after a crash before PostgreSQL noted the success").isZero();
        assertThat(archive.resolve(SEGMENT)).hasContent("first contents");
    }

    @Test
    void archiveCommandNeverOverwritesADifferentArchivedSegment() throws Exception {
        Path archive = Files.createDirectory(tmp.resolve("archive"));
        Files.writeString(archive.resolve(SEGMENT), "archived earlier");
        Path pgdata = walSegment("other contents");

        assertThat(run(new PostgresConfig(1, Path.of("/s"), archive).archiveCommand(), pgdata)).isNotZero();
        assertThat(archive.resolve(SEGMENT)).hasContent("archived earlier");
    }

    @Test
    void archiveCommandFailsWhenItCannotCopy() throws Exception {
        Path pgdata = walSegment("contents");
        Path missingArchive = tmp.resolve("no-such-folder");

        assertThat(run(new PostgresConfig(1, Path.of("/s"), missingArchive).archiveCommand(), pgdata)).isNotZero();
        assertThat(missingArchive).doesNotExist();
    }

    @Test
    void restoreCommandCopiesFromTheArchiveAndReportsAMissingSegment() throws Exception {
        Path archive = Files.createDirectory(tmp.resolve("archive"));
        Files.writeString(archive.resolve(SEGMENT), "archived");
        Path pgdata = Files.createDirectories(tmp.resolve("restored/pg_wal")).getParent();
        String command = new PostgresConfig(1, Path.of("/s"), archive).restoreCommand();

        assertThat(run(command, pgdata)).isZero();
        assertThat(pgdata.resolve("pg_wal/" + SEGMENT)).hasContent("archived");
        assertThat(run(command.replace("%f", "000000010000000000000004"), pgdata))
                .as("non-zero is how PostgreSQL learns the archive has no more").isNotZero();
    }

    @Test
    void aRestoredCopyRecoversToTheTargetPromotesAndArchivesNothing() {
        PostgresConfig config = new PostgresConfig(25432, Path.of("/scratch/socket"), ARCHIVE);
        String conf = config.restoreConf("2026-11-29 10:00:00.123456+00");
        assertThat(conf).contains("port = 25432", "unix_socket_directories = '/scratch/socket'",
                "max_connections = 200", "max_wal_senders = 10", "archive_mode = off",
                "restore_command = '" + config.restoreCommand() + "'",
                "recovery_target_time = '2026-11-29 10:00:00.123456+00'", "recovery_target_action = 'promote'");
        assertThat(conf).doesNotContain("archive_command", "archive_mode = on");
    }

    @Test
    void anArchiveFolderThatWouldBreakTheShellCommandIsRefused() {
        assertThatThrownBy(() -> new PostgresConfig(1, Path.of("/s"), Path.of("/home/o'brien/archive")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("archive_command");
        assertThatThrownBy(() -> new PostgresConfig(1, Path.of("/s"), Path.of("/data/100%")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everyConnectionLocalSocketIncludedNeedsAScramPassword() {
        List<String> rules = PostgresConfig.hba().lines().filter(line -> !line.startsWith("#")).toList();
        assertThat(rules).hasSize(4).allMatch(line -> line.endsWith("scram-sha-256"));
        assertThat(PostgresConfig.hba())
                .contains("local   all             all                                     scram-sha-256")
                .contains("host    replication     all             127.0.0.1/32            scram-sha-256")
                .doesNotContain("trust").doesNotContain("0.0.0.0");
        assertThat(PostgresConfig.trusts(PostgresConfig.hba())).isFalse();
    }

    @Test
    void anOlderStacksTrustingRulesAreRecognisedSoTheStartUpgradesThem() {
        assertThat(PostgresConfig.trusts("# Written by votes-infra.\n"
                + "local   all             all                                     trust\n"
                + "host    all             all             127.0.0.1/32            scram-sha-256\n")).isTrue();
        assertThat(PostgresConfig.trusts("# local all all trust\n")).isFalse();
    }

    @Test
    void passwordsAreSetAsScramVerifiersAndOnlyTheRelayMayReplicate(@TempDir Path home) {
        StackSecrets secrets = StackSecrets.in(home);
        String sql = PostgresRoles.clusterSql(secrets);
        for (DatabaseRole role : DatabaseRole.values()) {
            assertThat(sql).doesNotContain(role.login(secrets).password());
        }
        assertThat(sql).contains("ALTER ROLE votes_relay LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS"
                + " REPLICATION PASSWORD 'SCRAM-SHA-256$4096:")
                .contains("ALTER ROLE votes_ledger LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS"
                        + " NOREPLICATION PASSWORD 'SCRAM-SHA-256$4096:")
                .contains("ALTER ROLE postgres PASSWORD 'SCRAM-SHA-256$4096:");
    }

    /** A data dir with one completed segment in pg_wal, as PostgreSQL hands it to archive_command. */
    private Path walSegment(String contents) throws IOException {
        Path pgdata = Files.createDirectories(tmp.resolve("pgdata/pg_wal")).getParent();
        Files.writeString(pgdata.resolve("pg_wal/" + SEGMENT), contents);
        return pgdata;
    }

    /** What PostgreSQL does: %p and %f replaced, run by sh in the data dir. */
    private static int run(String command, Path pgdata) throws Exception {
        Process process = new ProcessBuilder("sh", "-c",
                command.replace("%p", "pg_wal/" + SEGMENT).replace("%f", SEGMENT))
                .directory(pgdata.toFile()).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return process.exitValue();
    }
}
