package votes.infra.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import votes.infra.postgres.role.DatabaseRole;
import votes.infra.secret.StackSecrets;
import votes.infra.stack.Detached;
import votes.infra.stack.ManagedProcess;
import votes.infra.stack.Probes;
import votes.infra.stack.StackException;
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
        StackSecrets secrets = settings.secrets();
        boolean trusting;
        try {
            trusting = prepare(bins, base, socket, log, secrets);
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
        Psql psql = new Psql(bins, socket, port(), log, DatabaseRole.SUPERUSER.login(secrets));
        bootstrap(psql, secrets);
        if (!trusting) {
            return "up on 127.0.0.1:" + port();
        }
        writeHba(pgdata);
        psql.query("postgres", "SELECT pg_reload_conf()");
        return "up on 127.0.0.1:" + port() + "; pg_hba.conf upgraded from trust to scram-sha-256 for every connection,"
                + " passwords set for postgres, " + String.join(", ", PostgresRoles.clientUsers());
    }

    /**
     * Folders, initdb on a fresh home (the superuser's password from the stack's secrets: even the bootstrap needs
     * it), our settings and access rules. An older home whose pg_hba.conf trusts local connections keeps it for
     * this one start, so the bootstrap can give the superuser its password; the caller then switches it.
     *
     * @return whether the old, trusting pg_hba.conf was kept
     */
    private boolean prepare(PostgresBinaries bins, Path base, Path socket, Path log, StackSecrets secrets)
            throws IOException {
        Path pgdata = base.resolve("pgdata");
        WalArchive archive = WalArchive.of(settings);
        // PostgreSQL may be the first component of a fresh home (the PITR drill's IT starts nothing else).
        Files.createDirectories(log.getParent());
        Files.createDirectories(socket);
        if (!Files.exists(log)) {
            Files.createFile(log);
        }
        archive.ensure();
        boolean fresh = !Files.exists(pgdata.resolve("PG_VERSION"));
        if (fresh) {
            initdb(bins, base, log, DatabaseRole.SUPERUSER.login(secrets).password());
        } else {
            OsUser.handOver(socket, log);
        }
        Files.writeString(pgdata.resolve("votes.conf"), new PostgresConfig(port(), socket, archive.dir()).conf());
        Path hba = pgdata.resolve("pg_hba.conf");
        boolean trusting = !fresh && PostgresConfig.trusts(Files.readString(hba));
        if (!trusting) {
            writeHba(pgdata);
        }
        return trusting;
    }

    private static void initdb(PostgresBinaries bins, Path base, Path log, String superuserPassword) throws IOException {
        Path pgdata = base.resolve("pgdata");
        // initdb reads the password from a file; it runs as the postgres OS user, so the file is handed over too.
        Path pwfile = base.resolve("initdb-password");
        Files.deleteIfExists(pwfile);
        Files.createFile(pwfile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            Files.writeString(pwfile, superuserPassword);
            OsUser.handOver(base, log);
            Detached.run(OsUser.asPostgres(List.of(bins.tool("initdb").toString(), "-D", pgdata.toString(),
                    "-U", DatabaseRole.SUPERUSER.user(), "--auth=scram-sha-256", "--pwfile=" + pwfile, "-E", "UTF8",
                    "--locale=C")), log, 120);
        } finally {
            Files.deleteIfExists(pwfile);
        }
        Files.writeString(pgdata.resolve("postgresql.conf"), "\n" + INCLUDE + "\n", StandardOpenOption.APPEND);
    }

    private static void writeHba(Path pgdata) {
        try {
            Files.writeString(pgdata.resolve("pg_hba.conf"), PostgresConfig.hba());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The roles, their passwords and privileges and the votes database, at every start; psql as the superuser. */
    private void bootstrap(Psql psql, StackSecrets secrets) {
        try {
            psql.query("postgres", PostgresRoles.clusterSql(secrets));
        } catch (StackException e) {
            // The one way in is the superuser's password: a data folder kept while secrets/ was deleted locks us out.
            throw new StackException(e.getMessage() + ". If the log says password authentication failed for user"
                    + " \"postgres\", " + secrets.file(DatabaseRole.SUPERUSER.secretName()) + " is not the password this"
                    + " data folder was set up with (secrets/ deleted or replaced?): put the old file back, or remove "
                    + settings.dataDir(name()) + " to start empty", e);
        }
        String exists = psql.query("postgres", "SELECT 1 FROM pg_database WHERE datname = '"
                + PostgresConfig.DATABASE + "'");
        if (!exists.equals("1")) {
            psql.query("postgres", "CREATE DATABASE " + PostgresConfig.DATABASE + " OWNER "
                    + DatabaseRole.OWNER.user());
        }
        psql.query(PostgresConfig.DATABASE, PostgresRoles.databaseSql(PostgresConfig.DATABASE));
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
