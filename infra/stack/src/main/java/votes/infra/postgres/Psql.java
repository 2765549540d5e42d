package votes.infra.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import votes.infra.postgres.role.DatabaseLogin;
import votes.infra.postgres.role.DatabaseRole;
import votes.infra.stack.Detached;
import votes.infra.stack.StackException;
import votes.infra.stack.StackSettings;

/**
 * psql over a server's own unix socket, as {@code login} (the superuser's, in the stack): how the stack talks to a
 * PostgreSQL it runs without putting a JDBC driver on the CLI's classpath. The password goes in PGPASSWORD, never
 * on the command line. Errors go to {@code log}.
 */
public record Psql(PostgresBinaries bins, Path socketDir, int port, Path log, DatabaseLogin login) {

    private static final long TIMEOUT_SECONDS = 60;
    /** A statement longer than this goes through a file: one command-line argument is capped at 128 KiB. */
    private static final int ARGUMENT_LIMIT = 64 * 1024;

    /**
     * The stack's own server, which must be running.
     *
     * @throws StackException when it is not, or when its binaries cannot be found
     */
    public static Psql of(StackSettings settings, Path log) {
        PostgresServer server = new PostgresServer(settings, note -> { });
        if (!server.isUp()) {
            throw new StackException("the stack's PostgreSQL (port " + server.port() + ", home " + settings.home()
                    + ") is not running; start it with ./vote up");
        }
        PostgresBinaries bins = PostgresBinaries.locate().orElseThrow(() -> new StackException(
                "PostgreSQL's binaries are not installed under /usr/lib/postgresql, yet the server runs?"));
        return new Psql(bins, PostgresServer.socketDir(settings.dataDir(server.name())), server.port(), log,
                DatabaseRole.SUPERUSER.login(settings.secrets()));
    }

    /**
     * Runs the SQL (several statements allowed, or one psql meta-command such as {@code \copy}) and returns the last
     * result, unaligned, '|' between columns, one row per line.
     */
    public String query(String database, String sql) {
        if (sql.length() > ARGUMENT_LIMIT) {
            return script(database, sql);
        }
        return run(database, List.of("-c", sql));
    }

    /** As {@link #query}, the SQL read from a file: for statements too long for a command line. */
    private String script(String database, String sql) {
        try {
            Files.createDirectories(log.getParent());
            Path file = Files.createTempFile(log.getParent(), "psql", ".sql");
            try {
                Files.writeString(file, sql);
                return run(database, List.of("-f", file.toString()));
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String run(String database, List<String> input) {
        List<String> command = new ArrayList<>(List.of(bins.tool("psql").toString(), "-h", socketDir.toString(),
                "-p", Integer.toString(port), "-U", login.user(), "-w", "-d", database, "-v", "ON_ERROR_STOP=1", "-X", "-qtA"));
        command.addAll(input);
        return Detached.run(command, passwordEnv(), log, TIMEOUT_SECONDS).trim();
    }

    /** For psql and its siblings (pg_basebackup): libpq reads the password from here. */
    Map<String, String> passwordEnv() {
        return Map.of("PGPASSWORD", login.password());
    }
}
