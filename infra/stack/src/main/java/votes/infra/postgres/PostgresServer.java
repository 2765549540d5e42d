package votes.infra.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import votes.infra.stack.Detached;
import votes.infra.stack.ManagedProcess;
import votes.infra.stack.Probes;
import votes.infra.stack.StackSettings;

/** PostgreSQL from the OS's server binaries: initdb once, then pg_ctl start; the ledger's database. */
public final class PostgresServer extends ManagedProcess {

    private static final String INCLUDE = "include_if_exists = 'votes.conf'";

    private final Consumer<String> notes;

    public PostgresServer(StackSettings settings, Consumer<String> notes) {
        super(settings);
        this.notes = notes;
    }

    @Override
    public String name() {
        return "postgres";
    }

    @Override
    public String label() {
        return "PostgreSQL";
    }

    @Override
    public int port() {
        return settings.ports().postgres();
    }

    /** SIGINT is PostgreSQL's fast shutdown; SIGTERM would wait for every client to disconnect. */
    @Override
    protected String stopSignal() {
        return "INT";
    }

    @Override
    protected String launch() {
        Path log = settings.logFile(name());
        PostgresBinaries bins = PostgresBinaries.locateOrInstall(log, notes);
        Path base = settings.dataDir(name());
        Path pgdata = base.resolve("pgdata");
        Path socket = socketDir(base);
        WalArchive archive = WalArchive.of(settings);
        try {
            // PostgreSQL may be the first component of a fresh home (the PITR drill's IT starts nothing else).
            Files.createDirectories(log.getParent());
            Files.createDirectories(socket);
            if (!Files.exists(log)) {
                Files.createFile(log);
            }
            archive.ensure();
            boolean fresh = !Files.exists(pgdata.resolve("PG_VERSION"));
            OsUser.handOver(fresh ? base : socket, log);
            if (fresh) {
                Detached.run(OsUser.asPostgres(List.of(bins.tool("initdb").toString(), "-D", pgdata.toString(),
                        "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C")), log, 120);
                Files.writeString(pgdata.resolve("postgresql.conf"), "\n" + INCLUDE + "\n", StandardOpenOption.APPEND);
            }
            Files.writeString(pgdata.resolve("votes.conf"), new PostgresConfig(port(), socket, archive.dir()).conf());
            Files.writeString(pgdata.resolve("pg_hba.conf"), PostgresConfig.hba());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Detached.run(OsUser.asPostgres(List.of("/usr/bin/setsid", bins.tool("pg_ctl").toString(), "-D",
                pgdata.toString(), "-l", log.toString(), "-w", "-t", "60", "start")), log, 90);
        long pid = postmasterPid(pgdata);
        record(pid);
        if (!Probes.await(Duration.ofSeconds(10), ProcessHandle.of(pid).orElse(null), () -> Probes.portAccepts(port()))) {
            throw failed("did not listen on port " + port());
        }
        bootstrap(bins, socket, log);
        return "up on 127.0.0.1:" + port();
    }

    /** The votes role and database, created once; psql over the stack's own socket as the superuser. */
    private void bootstrap(PostgresBinaries bins, Path socket, Path log) {
        Psql psql = new Psql(bins, socket, port(), log);
        psql.query("postgres", PostgresConfig.roleSql());
        String exists = psql.query("postgres", "SELECT 1 FROM pg_database WHERE datname = '"
                + PostgresConfig.DATABASE + "'");
        if (!exists.equals("1")) {
            psql.query("postgres", "CREATE DATABASE " + PostgresConfig.DATABASE + " OWNER " + PostgresConfig.ROLE);
        }
        // PostgreSQL 15's checkpointer starts while the server is still starting up and then sleeps a whole
        // checkpoint_timeout (5 min) before archive_timeout counts: seen here, no segment was archived by time for
        // the first 5 minutes after every start. A checkpoint request wakes it; from then on archive_timeout holds.
        psql.query("postgres", "CHECKPOINT");
    }

    /** Unix socket paths are limited to 107 bytes; a deep checkout falls back to a short folder in /tmp. */
    static Path socketDir(Path base) {
        Path inside = base.resolve("socket");
        if (inside.toString().length() + "/.s.PGSQL.65535".length() < 100) {
            return inside;
        }
        return Path.of(System.getProperty("java.io.tmpdir"), "vote-pg-" + Integer.toHexString(base.hashCode()));
    }

    private static long postmasterPid(Path pgdata) {
        try {
            return Long.parseLong(Files.readAllLines(pgdata.resolve("postmaster.pid")).get(0).trim());
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL started but left no postmaster.pid", e);
        }
    }
}
