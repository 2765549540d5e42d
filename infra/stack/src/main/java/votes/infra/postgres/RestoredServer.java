package votes.infra.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import votes.infra.postgres.role.DatabaseLogin;
import votes.infra.stack.Detached;
import votes.infra.stack.Probes;
import votes.infra.stack.StackException;
import votes.infra.stack.StackPorts;

/**
 * A copy of a base backup in a scratch folder, started on a free port with recovery.signal: it replays WAL from the
 * archive up to a target time, then promotes. The backup itself is never written to. Closing stops the server and
 * removes the copy.
 */
final class RestoredServer implements AutoCloseable {

    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);

    private final PostgresBinaries bins;
    private final Path base;
    private final Path pgdata;
    private final Psql psql;
    private final Thread stopAtExit;
    private PitrDrillReport.RestoreTimings timings;
    private boolean closed;

    private RestoredServer(PostgresBinaries bins, Path base, Path socket, int port, Path log, DatabaseLogin superuser) {
        this.bins = bins;
        this.base = base;
        this.pgdata = base.resolve("pgdata");
        this.psql = new Psql(bins, socket, port, log, superuser);
        // A drill interrupted by Ctrl-C must not leave a stray server on a random port.
        this.stopAtExit = new Thread(this::stopAndRemove, "restored-postgres-stop");
    }

    /**
     * Copies {@code backup} under {@code scratchRoot}, starts it and waits until it is promoted and answers. The copy
     * has the live server's roles and pg_hba.conf, so its superuser logs in with the live one's password.
     */
    static RestoredServer restore(PostgresBinaries bins, Path backup, Path scratchRoot, WalArchive archive,
                                  String targetTime, Path log, Duration timeout, DatabaseLogin superuser) {
        Path base = scratchRoot.resolve(backup.getFileName());
        RestoredServer server = new RestoredServer(bins, base, PostgresServer.socketDir(base), StackPorts.freePort(),
                log, superuser);
        Runtime.getRuntime().addShutdownHook(server.stopAtExit);
        try {
            server.start(backup, archive, targetTime, timeout);
            return server;
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }

    private void start(Path backup, WalArchive archive, String targetTime, Duration timeout) {
        Path socket = psql.socketDir();
        long start = System.nanoTime();
        try {
            Files.createDirectories(base.getParent());
            OsUser.handOver(base.getParent());
            removeLeftovers();
            Files.createDirectories(socket);
            Files.createDirectories(base);
            OsUser.handOver(base, socket);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + base, e);
        }
        // As the postgres user, so the copy keeps the backup's owner and 0700 mode, which PostgreSQL insists on.
        Detached.run(OsUser.asPostgres(List.of("cp", "-a", backup.toString(), pgdata.toString())), psql.log(),
                timeout.toSeconds());
        Duration copied = since(start);
        try {
            Files.writeString(pgdata.resolve("votes.conf"),
                    new PostgresConfig(psql.port(), socket, archive.dir()).restoreConf(targetTime));
            Path signal = Files.writeString(pgdata.resolve("recovery.signal"), "");
            OsUser.handOver(signal, psql.log());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // pg_ctl -w returns once the server accepts read-only queries (consistent, still replaying).
        Detached.run(OsUser.asPostgres(List.of("/usr/bin/setsid", bins.tool("pg_ctl").toString(), "-D",
                pgdata.toString(), "-l", psql.log().toString(), "-w", "-t", Long.toString(timeout.toSeconds()),
                "start")), psql.log(), timeout.toSeconds() + 30);
        Duration accepting = since(start);
        if (!Probes.await(timeout, null, this::promoted)) {
            throw new StackException("the restored server did not finish recovery and promote within "
                    + timeout.toSeconds() + " s; see " + psql.log());
        }
        timings = new PitrDrillReport.RestoreTimings(copied, accepting, since(start));
    }

    private boolean promoted() {
        try {
            return "f".equals(psql.query("postgres", "SELECT pg_is_in_recovery()"));
        } catch (StackException e) {
            return false; // not answering yet; the log has psql's complaint
        }
    }

    PitrDrillReport.RestoreTimings timings() {
        return timings;
    }

    Psql psql() {
        return psql;
    }

    @Override
    public void close() {
        stopAndRemove();
        try {
            Runtime.getRuntime().removeShutdownHook(stopAtExit);
        } catch (IllegalStateException e) {
            // the JVM is already exiting and runs the hook itself
        }
    }

    private synchronized void stopAndRemove() {
        if (closed) {
            return;
        }
        closed = true;
        removeLeftovers();
    }

    /** A scratch copy is ours alone; one left by a killed drill is stopped and removed the same way. */
    private void removeLeftovers() {
        if (Files.exists(pgdata.resolve("postmaster.pid"))) {
            try {
                Detached.run(OsUser.asPostgres(List.of(bins.tool("pg_ctl").toString(), "-D", pgdata.toString(),
                        "-m", "fast", "-w", "-t", Long.toString(STOP_TIMEOUT.toSeconds()), "stop")), psql.log(),
                        STOP_TIMEOUT.toSeconds() + 30);
            } catch (StackException e) {
                // a stale postmaster.pid (the server died with a killed drill): nothing to stop
            }
        }
        List<String> rm = new ArrayList<>(List.of("rm", "-rf", "--", base.toString()));
        if (!psql.socketDir().startsWith(base)) {
            rm.add(psql.socketDir().toString());
        }
        Detached.run(OsUser.asPostgres(rm), psql.log(), STOP_TIMEOUT.toSeconds());
    }

    private static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }
}
