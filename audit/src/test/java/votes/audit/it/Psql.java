package votes.audit.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import votes.infra.postgres.PostgresBinaries;

/**
 * Tampering as an insider would do it: the real {@code psql} of the PostgreSQL the test stack runs (Debian keeps it
 * next to the server, off PATH), against the stack's database. No psql, no test: failing says what to install.
 */
record Psql(Path binary, String url) {

    /** A statement taking longer than this on a test database is stuck (a lock), not slow. */
    static final Duration STATEMENT_LIMIT = Duration.ofSeconds(60);

    static Psql of(String libpqUrl) {
        Path psql = PostgresBinaries.locate().map(b -> b.tool("psql")).filter(Files::isExecutable)
                .orElseThrow(() -> new AssertionError("no psql next to the PostgreSQL server binaries under "
                        + "/usr/lib/postgresql/*/bin: the tampering tests need it (apt-get install postgresql-client)"));
        return new Psql(psql, libpqUrl);
    }

    /** Runs the SQL in one transaction (psql -c), stopping at the first error; returns what psql printed. */
    String run(String sql) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(List.of(binary.toString(), "--no-psqlrc", "--quiet", "--set", "ON_ERROR_STOP=1",
                "--dbname", url, "--command", sql)).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(STATEMENT_LIMIT.toSeconds(), TimeUnit.SECONDS)).as("psql finished: " + sql).isTrue();
        assertThat(process.exitValue()).as("psql " + sql + "\n" + output).isZero();
        return output;
    }
}
