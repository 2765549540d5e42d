package votes.infra.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import votes.infra.stack.Detached;
import votes.infra.stack.StackException;

/** Finds the OS's PostgreSQL server binaries (Debian keeps them off PATH), installing them if we may. */
public record PostgresBinaries(Path bin) {

    private static final Path DEBIAN_ROOT = Path.of("/usr/lib/postgresql");

    public Path tool(String name) {
        return bin.resolve(name);
    }

    public static PostgresBinaries locateOrInstall(Path logFile, Consumer<String> progress) {
        Optional<PostgresBinaries> found = locate();
        if (found.isPresent()) {
            return found.get();
        }
        if (!OsUser.isRoot()) {
            throw new StackException("PostgreSQL server binaries not found under " + DEBIAN_ROOT
                    + "; install them: sudo apt-get install -y postgresql");
        }
        progress.accept("PostgreSQL server not installed: apt-get install -y postgresql (about a minute) ...");
        Detached.run(List.of("apt-get", "update"), logFile, 600);
        Detached.run(List.of("env", "DEBIAN_FRONTEND=noninteractive", "apt-get", "install", "-y",
                "--no-install-recommends", "postgresql"), logFile, 900);
        return locate().orElseThrow(() -> new StackException("apt-get installed postgresql but no "
                + DEBIAN_ROOT + "/*/bin/postgres appeared; see " + logFile));
    }

    /** The newest major version installed. */
    public static Optional<PostgresBinaries> locate() {
        if (!Files.isDirectory(DEBIAN_ROOT)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(DEBIAN_ROOT)) {
            return versions.map(v -> v.resolve("bin"))
                    .filter(b -> Files.isExecutable(b.resolve("postgres")) && Files.isExecutable(b.resolve("initdb")))
                    .max(Comparator.comparingInt(PostgresBinaries::major))
                    .map(PostgresBinaries::new);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int major(Path bin) {
        try {
            return Integer.parseInt(bin.getParent().getFileName().toString());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
