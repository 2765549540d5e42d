package votes.infra.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import votes.infra.stack.Probes;
import votes.infra.stack.StackException;
import votes.infra.stack.StackSettings;

/** $VOTE_HOME/data/postgres-archive: the completed WAL segments PostgreSQL's archive_command copied there. */
public record WalArchive(Path dir) {

    static final String COMPONENT = "postgres-archive";

    public static WalArchive of(StackSettings settings) {
        return new WalArchive(settings.dataDir(COMPONENT));
    }

    /** Created once and handed to the postgres OS user, who writes it (as root only its creation needs us). */
    void ensure() {
        if (Files.isDirectory(dir)) {
            return;
        }
        try {
            Files.createDirectories(dir);
            OsUser.handOver(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the WAL archive " + dir, e);
        }
    }

    /** The archive command renames a finished copy into place, so a segment present here is whole. */
    boolean holds(String segment) {
        return Files.isRegularFile(dir.resolve(segment));
    }

    /** Waits for a segment; on timeout the error carries what pg_stat_archiver says went wrong. */
    Duration await(String segment, Duration timeout, Psql server) {
        long start = System.nanoTime();
        if (!Probes.await(timeout, null, () -> holds(segment))) {
            String archiver = server.query("postgres", "SELECT 'archived ' || archived_count || ', failed '"
                    + " || failed_count || ', last failed ' || coalesce(last_failed_wal, '-') || ' at '"
                    + " || coalesce(last_failed_time::text, '-') FROM pg_stat_archiver");
            throw new StackException("WAL segment " + segment + " did not reach " + dir + " within "
                    + timeout.toSeconds() + " s (pg_stat_archiver: " + archiver + "); see the PostgreSQL log");
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
