package votes.infra.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import votes.infra.launcher.LocalStack;
import votes.infra.stack.Probes;
import votes.infra.stack.StackSettings;

/** The drill end to end on the test stack's real PostgreSQL: backup, archive, restore to a time, compare. */
class PitrDrillIT {

    static LocalStack stack;
    static Psql live;

    /**
     * The launcher's own PostgreSQL on free ports under target/, as ./vote up starts it (the testkit's shared stack
     * would be a dependency cycle: the testkit is built on this module). The drill needs nothing else.
     */
    @BeforeAll
    static void start() {
        Path home = Path.of("target", "pitr-drill-" + ProcessHandle.current().pid()).toAbsolutePath();
        StackSettings settings = StackSettings.ephemeral(home, StackSettings.findRepoRoot(Path.of("")));
        stack = new LocalStack(settings, note -> System.err.println("[pitr-drill] " + note));
        stack.require("postgres").start();
        live = Psql.of(settings, settings.logFile("pitr-drill-it"));
    }

    @AfterAll
    static void stop() {
        stack.require("postgres").stop();
    }

    @Test
    void aRestoreToTheTargetTimeHasExactlyTheRowsCommittedBeforeIt() throws Exception {
        List<String> progress = new ArrayList<>();
        PitrDrillReport report = new PitrDrill(stack.settings(), line -> {
            progress.add(line);
            System.err.println("[pitr-drill] " + line);
        }).run(new PitrDrill.Options(40, 15, false, false));
        report.lines().forEach(line -> System.err.println("[pitr-drill] " + line));
        String run = report.backup().getFileName().toString();

        // The live server still has every marker row; split by the target time they are the drill's two lists.
        assertThat(liveIds(run, "written_at <= timestamptz '" + report.targetTime() + "'"))
                .hasSize(40).isEqualTo(report.committedBeforeTarget());
        assertThat(liveIds(run, "written_at > timestamptz '" + report.targetTime() + "'"))
                .hasSize(15).isEqualTo(report.committedAfterTarget());
        assertThat(report.restored()).isEqualTo(report.committedBeforeTarget())
                .doesNotContainAnyElementsOf(report.committedAfterTarget());
        assertThat(report.passed()).isTrue();
        // Stopped by the target, not by running out of WAL: the "after" commit was in the archive and not applied.
        assertThat(Files.readString(stack.settings().logFile(PitrDrill.LOG)))
                .contains("starting point-in-time recovery to " + asPostgresPrints(report.targetTime()))
                .contains("recovery stopping before commit of transaction");

        assertThat(report.rto()).isPositive();
        assertThat(report.timings().copied()).isLessThanOrEqualTo(report.timings().acceptingQueries());
        assertThat(report.timings().acceptingQueries()).isLessThanOrEqualTo(report.rto());
        assertThat(report.lastCommitBeforeTarget()).as("the marker rows were replayed").isPresent();
        assertThat(report.lastCommitBeforeTarget().get()).isGreaterThanOrEqualTo(Duration.ZERO);

        // The backup is kept and whole; the scratch copy and its server are gone; the live server is untouched.
        assertThat(report.backupKept()).isTrue();
        assertThat(report.backup()).isDirectory().isDirectoryContaining(p -> p.endsWith("backup_label"))
                .isDirectoryContaining(p -> p.endsWith("PG_VERSION"));
        Path scratch = stack.settings().dataDir(PitrDrill.SCRATCH);
        try (Stream<Path> left = Files.list(scratch)) {
            assertThat(left).isEmpty();
        }
        assertThat(progress).anyMatch(line -> line.startsWith("[6/6]"));
        int restoredPort = Integer.parseInt(progress.stream().filter(line -> line.contains("promoted on port"))
                .findFirst().orElseThrow().replaceAll(".*promoted on port (\\d+).*", "$1"));
        assertThat(Probes.portAccepts(restoredPort)).as("the restored server is stopped").isFalse();
        assertThat(live.query("postgres", "SELECT pg_is_in_recovery()")).isEqualTo("f");
        assertThat(live.query("postgres", "SELECT timeline_id FROM pg_control_checkpoint()")).isEqualTo("1");
        assertThat(WalArchive.of(stack.settings()).dir().resolve("00000002.history"))
                .as("the promoted copy wrote nothing into the live archive").doesNotExist();
    }

    @Test
    void cleanRemovesTheBackupAfterAPassingDrill() {
        PitrDrillReport report = new PitrDrill(stack.settings(), line -> System.err.println("[pitr-drill] " + line))
                .run(new PitrDrill.Options(5, 5, false, true));

        assertThat(report.passed()).isTrue();
        assertThat(report.backupKept()).isFalse();
        assertThat(report.backup()).doesNotExist();
    }

    private static List<Long> liveIds(String run, String condition) {
        String ids = live.query("postgres", "SELECT coalesce(string_agg(id::text, ',' ORDER BY id), '') FROM pitr_drill"
                + " WHERE run = '" + run + "' AND " + condition);
        return ids.isEmpty() ? List.of() : Arrays.stream(ids.split(",")).map(Long::valueOf).toList();
    }

    /** PostgreSQL prints a time's fraction without trailing zeros: …48.48215+00 for the drill's …48.482150+00. */
    static String asPostgresPrints(String time) {
        return time.replaceFirst("\\.?0+\\+00$", "+00");
    }
}
