package votes.infra.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Stream;
import votes.infra.stack.Detached;

/** A plain-format pg_basebackup of a running server, one folder per backup named by its UTC start time. */
record BaseBackup(Path dir, long bytes, Duration took) {

    static final String COMPONENT = "postgres-backups";

    private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final long TIMEOUT_SECONDS = 900;

    /**
     * {@code -c fast}: an immediate checkpoint instead of waiting for a spread one (minutes); the cost is one burst
     * of writes on the live server. {@code -X stream}: the WAL written during the copy comes with it, so the backup
     * is consistent on its own even without the archive. Runs as the postgres OS user, who owns restored copies.
     */
    static BaseBackup take(PostgresBinaries bins, Psql server, Path root, Clock clock, Path log) {
        Path dir = freshFolder(root, NAME.format(clock.instant()));
        long start = System.nanoTime();
        Detached.run(OsUser.asPostgres(List.of(bins.tool("pg_basebackup").toString(),
                "-h", server.socketDir().toString(), "-p", Integer.toString(server.port()), "-U", server.login().user(), "-w",
                "-D", dir.toString(), "-F", "p", "-X", "stream", "-c", "fast",
                "-l", "votes base backup " + dir.getFileName())), server.passwordEnv(), log, TIMEOUT_SECONDS);
        return new BaseBackup(dir, size(dir), Duration.ofNanos(System.nanoTime() - start));
    }

    /** pg_basebackup wants an empty or absent folder; two backups within a second get -2, -3... */
    private static Path freshFolder(Path root, String name) {
        try {
            if (!Files.isDirectory(root)) {
                Files.createDirectories(root);
                OsUser.handOver(root);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + root, e);
        }
        Path dir = root.resolve(name);
        for (int n = 2; Files.exists(dir); n++) {
            dir = root.resolve(name + "-" + n);
        }
        return dir;
    }

    static long size(Path dir) {
        try (Stream<Path> tree = Files.walk(dir)) {
            return tree.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
