package votes.infra.postgres;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;
import votes.infra.postgres.role.DatabaseRole;
import votes.infra.stack.Detached;
import votes.infra.stack.StackException;
import votes.infra.stack.StackSettings;

/**
 * A point-in-time-recovery drill against a running stack's PostgreSQL: base backup, marker rows before and after a
 * target time, the WAL archived, the backup restored into a scratch server on a free port recovering to the target,
 * the rows compared, RTO and RPO measured, the scratch server removed. The live server only sees the backup (one
 * fast checkpoint, a replication connection), a few marker rows and a WAL switch; its data, slots and archive are
 * never written by the restored copy.
 */
public final class PitrDrill {

    /**
     * @param waitForArchiveTimeout do not force a WAL switch: wait for archive_timeout to archive the last commit
     *                              and report how long it was exposed (up to archive_timeout)
     * @param clean                 remove the base backup afterwards
     */
    public record Options(int rowsBefore, int rowsAfter, boolean waitForArchiveTimeout, boolean clean) {
        public Options {
            if (rowsBefore < 1 || rowsAfter < 1) {
                throw new IllegalArgumentException("rows before and after the target time must be at least 1");
            }
        }
    }

    /** The marker rows live in the superuser's maintenance database: the services never see them. */
    static final String DRILL_DATABASE = "postgres";
    /** Log of every command the drill runs, the restored server's own log included. */
    static final String LOG = "postgres-drill";
    /** $VOTE_HOME/data/postgres-drill/<backup>: the scratch copy, removed when the drill ends. */
    static final String SCRATCH = "postgres-drill";

    private static final int STEPS = 6;
    /** A forced switch is archived within a second here; the rest is margin for a loaded machine. */
    private static final Duration FORCED_SWITCH_ARCHIVED_WITHIN = Duration.ofSeconds(60);
    /** Margin on top of archive_timeout when waiting for it: the checkpointer notices the timeout late. */
    private static final Duration ARCHIVE_TIMEOUT_MARGIN = Duration.ofSeconds(60);
    private static final Duration RESTORE_TIMEOUT = Duration.ofMinutes(5);
    private static final String UTC_MICROS = "to_char(clock_timestamp() AT TIME ZONE 'UTC',"
            + " 'YYYY-MM-DD HH24:MI:SS.US') || '+00'";

    private final StackSettings settings;
    private final Consumer<String> progress;
    private final Clock clock;

    public PitrDrill(StackSettings settings, Consumer<String> progress) {
        this.settings = settings;
        this.progress = progress;
        this.clock = Clock.systemUTC();
    }

    public PitrDrillReport run(Options options) {
        PostgresServer live = new PostgresServer(settings, progress);
        if (!live.isUp()) {
            throw new StackException("the stack's PostgreSQL (port " + live.port() + ", home " + settings.home()
                    + ") is not running; start it with ./vote up");
        }
        PostgresBinaries bins = PostgresBinaries.locate().orElseThrow(() -> new StackException(
                "PostgreSQL's binaries are not installed under /usr/lib/postgresql, yet the server runs?"));
        Path log = settings.logFile(LOG);
        Psql server = new Psql(bins, PostgresServer.socketDir(settings.dataDir(live.name())), live.port(), log,
                DatabaseRole.SUPERUSER.login(settings.secrets()));
        WalArchive archive = WalArchive.of(settings);
        requireArchiving(server, archive);

        step(1, "base backup of the live server (pg_basebackup -X stream -c fast) ...");
        BaseBackup backup = BaseBackup.take(bins, server, settings.dataDir(BaseBackup.COMPONENT), clock, log);
        say(String.format(Locale.ROOT, "%.1f MB in %.1f s: %s", backup.bytes() / 1e6,
                backup.took().toMillis() / 1000.0, backup.dir()));

        String run = backup.dir().getFileName().toString();
        Markers markers = writeMarkers(server, run, options);
        Optional<Duration> commitToArchived = archiveLastCommit(server, archive, options);

        step(4, "restoring the backup into a scratch server, recovering from the archive to the target time ...");
        try (RestoredServer restored = RestoredServer.restore(bins, backup.dir(), settings.dataDir(SCRATCH), archive,
                markers.target(), log, RESTORE_TIMEOUT, server.login())) {
            PitrDrillReport.RestoreTimings timings = restored.timings();
            say(String.format(Locale.ROOT, "promoted on port %d after %.2f s", restored.psql().port(),
                    timings.promoted().toMillis() / 1000.0));

            step(5, "comparing the restored rows with the live ones ...");
            String target = markers.target();
            Psql copy = restored.psql();
            List<Long> restoredIds = "t".equals(copy.query(DRILL_DATABASE,
                    "SELECT to_regclass('public.pitr_drill') IS NOT NULL")) ? ids(copy, run, null) : List.of();
            Optional<Duration> lastCommitGap = seconds(copy.query(DRILL_DATABASE, "SELECT coalesce(extract(epoch"
                    + " FROM timestamptz '" + target + "' - pg_last_xact_replay_timestamp())::text, '')"));
            OptionalLong ledgerRestored = ledgerVotes(copy);

            step(6, "stopping and removing the scratch server" + (options.clean() ? " and the backup" : "") + " ...");
            restored.close();
            if (options.clean()) {
                Detached.run(OsUser.asPostgres(List.of("rm", "-rf", "--", backup.dir().toString())), log, 300);
            }
            return new PitrDrillReport(backup.dir(), backup.bytes(), backup.took(), !options.clean(), target,
                    markers.before(), markers.after(), restoredIds, timings, lastCommitGap, markers.archiveAge(),
                    commitToArchived, markers.ledgerAtTarget(), ledgerRestored);
        }
    }

    /**
     * What the live server held at the target time: the marker rows on each side of it, how old its last archived
     * segment was, and the ledger's vote count.
     */
    private record Markers(String target, List<Long> before, List<Long> after, Optional<Duration> archiveAge,
                           OptionalLong ledgerAtTarget) {
    }

    /** Step 2: the "before" rows, the target time, the "after" rows. */
    private Markers writeMarkers(Psql server, String run, Options options) {
        step(2, "marker rows: " + options.rowsBefore() + " before the target time, " + options.rowsAfter()
                + " after it (table pitr_drill in database " + DRILL_DATABASE + ", run " + run + ")");
        server.query(DRILL_DATABASE, "CREATE TABLE IF NOT EXISTS pitr_drill (id bigserial PRIMARY KEY,"
                + " run text NOT NULL, phase text NOT NULL, written_at timestamptz NOT NULL DEFAULT clock_timestamp());"
                + insert(run, "before", options.rowsBefore()));
        // Read after the "before" rows committed and before the "after" rows start: every commit is on one side.
        String target = server.query(DRILL_DATABASE, "SELECT " + UTC_MICROS);
        Optional<Duration> archiveAge = seconds(server.query(DRILL_DATABASE, "SELECT coalesce(extract(epoch FROM"
                + " timestamptz '" + target + "' - last_archived_time)::text, '') FROM pg_stat_archiver"));
        OptionalLong ledgerAtTarget = ledgerVotes(server);
        server.query(DRILL_DATABASE, insert(run, "after", options.rowsAfter()));
        List<Long> before = ids(server, run, "before");
        List<Long> after = ids(server, run, "after");
        say("target time " + target);
        return new Markers(target, before, after, archiveAge, ledgerAtTarget);
    }

    /**
     * Step 3: the last commit into the archive, by a forced WAL switch or by waiting for archive_timeout; in the
     * second case, how long the commit waited to be archived.
     */
    private Optional<Duration> archiveLastCommit(Psql server, WalArchive archive, Options options) {
        if (options.waitForArchiveTimeout()) {
            long timeout = Long.parseLong(server.query(DRILL_DATABASE, "SELECT setting FROM pg_settings"
                    + " WHERE name = 'archive_timeout'"));
            step(3, "waiting for archive_timeout (" + timeout + " s) to archive the last commit ...");
            String segment = server.query(DRILL_DATABASE, "SELECT pg_walfile_name(pg_current_wal_lsn())");
            Duration commitToArchived = archive.await(segment, Duration.ofSeconds(timeout).plus(ARCHIVE_TIMEOUT_MARGIN),
                    server);
            say(segment + " archived " + commitToArchived.toMillis() + " ms after the last commit");
            return Optional.of(commitToArchived);
        }
        step(3, "WAL switch (pg_switch_wal), so the archive holds every commit ...");
        String segment = server.query(DRILL_DATABASE, "SELECT pg_walfile_name(pg_switch_wal())");
        Duration took = archive.await(segment, FORCED_SWITCH_ARCHIVED_WITHIN, server);
        say(segment + " archived in " + took.toMillis() + " ms");
        return Optional.empty();
    }

    /** A server started before archiving was configured has not loaded it: votes.conf is read at start. */
    private static void requireArchiving(Psql server, WalArchive archive) {
        String mode = server.query(DRILL_DATABASE, "SELECT current_setting('archive_mode')");
        String command = server.query(DRILL_DATABASE, "SELECT current_setting('archive_command')");
        if (!"on".equals(mode) || !command.contains(archive.dir().toString()) || !Files.isDirectory(archive.dir())) {
            throw new StackException("the stack's PostgreSQL does not archive WAL into " + archive.dir()
                    + " (archive_mode = " + mode + "); it was started before archiving was configured: restart it"
                    + " (./vote down && ./vote up)");
        }
    }

    private static String insert(String run, String phase, int rows) {
        return "INSERT INTO pitr_drill (run, phase) SELECT '" + run + "', '" + phase + "' FROM generate_series(1, "
                + rows + ")";
    }

    private static List<Long> ids(Psql server, String run, String phase) {
        String ids = server.query(DRILL_DATABASE, "SELECT coalesce(string_agg(id::text, ',' ORDER BY id), '')"
                + " FROM pitr_drill WHERE run = '" + run + "'" + (phase == null ? "" : " AND phase = '" + phase + "'"));
        return ids.isEmpty() ? List.of() : Arrays.stream(ids.split(",")).map(Long::valueOf).toList();
    }

    /** The ledger's vote count, when the ledger has created its schema. */
    private static OptionalLong ledgerVotes(Psql server) {
        if (!"t".equals(server.query(PostgresConfig.DATABASE, "SELECT to_regclass('public.votes') IS NOT NULL"))) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Long.parseLong(server.query(PostgresConfig.DATABASE, "SELECT count(*) FROM votes")));
    }

    private static Optional<Duration> seconds(String text) {
        return text.isEmpty() ? Optional.empty()
                : Optional.of(Duration.ofNanos(Math.round(Double.parseDouble(text) * 1e9)));
    }

    private void step(int index, String what) {
        progress.accept("[" + index + "/" + STEPS + "] " + what);
    }

    private void say(String line) {
        progress.accept("      " + line);
    }
}
