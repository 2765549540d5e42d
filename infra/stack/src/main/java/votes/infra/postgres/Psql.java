package votes.infra.postgres;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import votes.infra.stack.Detached;

/**
 * psql as the superuser over a server's own unix socket (trusted by our pg_hba.conf): how the stack talks to a
 * PostgreSQL it runs without putting a JDBC driver on the CLI's classpath. Errors go to {@code log}.
 */
record Psql(PostgresBinaries bins, Path socketDir, int port, Path log) {

    private static final long TIMEOUT_SECONDS = 60;

    /** Runs the SQL (several statements allowed) and returns the last result, unaligned, '|' between columns. */
    String query(String database, String sql) {
        List<String> command = new ArrayList<>(List.of(bins.tool("psql").toString(), "-h", socketDir.toString(),
                "-p", Integer.toString(port), "-U", "postgres", "-d", database, "-v", "ON_ERROR_STOP=1", "-X", "-qtA",
                "-c", sql));
        return Detached.run(command, log, TIMEOUT_SECONDS).trim();
    }
}
