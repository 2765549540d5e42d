package votes.infra.debian;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import votes.infra.stack.Detached;

/**
 * A Debian package's binary, unpacked under a cache directory (a module's {@code target/} for the build's tools, the
 * stack home's {@code cache/} for the stack's): {@code apt-get download} and {@code dpkg-deb -x} need no root and no
 * install, so the build runs real tools (Kustomize in {@code kubernetes-client}, promtool in {@code prometheus}) and
 * the stack real servers (Prometheus) on any Debian machine that reaches Debian's mirror. Only
 * when the package lists are missing (a fresh machine) and we are root does it run {@code apt-get update} first, as
 * the stack does before it installs PostgreSQL.
 */
public final class DebianPackage {

    private static final long APT_TIMEOUT_SECONDS = 600;

    private DebianPackage() {
    }

    /** {@code binary} (a path inside the package, e.g. {@code usr/bin/kubectl}), fetched and unpacked once per {@code cache}. */
    public static synchronized Path binary(Path cache, String name, String binary) {
        Path root = cache.resolve(name);
        Path executable = root.resolve(binary);
        if (Files.isExecutable(executable)) {
            return executable;
        }
        Path debs = cache.resolve(name + "-deb");
        Path deb = download(name, debs);
        Detached.Finished unpacked = run(List.of("dpkg-deb", "-x", deb.toString(), root.toString()), debs);
        if (unpacked.exitCode() != 0 || !Files.isExecutable(executable)) {
            throw new IllegalStateException("dpkg-deb -x " + deb + " gave no " + executable + ": " + unpacked.output());
        }
        return executable;
    }

    private static Path download(String name, Path debs) {
        List<String> download = List.of("apt-get", "download", name);
        Detached.Finished first = run(download, debs);
        if (first.exitCode() != 0 && "root".equals(System.getProperty("user.name"))) {
            run(List.of("apt-get", "update"), debs);
            first = run(download, debs);
        }
        if (first.exitCode() != 0) {
            throw new IllegalStateException("apt-get download " + name + " failed (exit " + first.exitCode()
                    + "); run apt-get update as root once: " + first.output());
        }
        try (Stream<Path> files = Files.list(debs)) {
            return files.filter(f -> f.getFileName().toString().startsWith(name + "_")
                    && f.getFileName().toString().endsWith(".deb")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("apt-get download left no " + name + " .deb in "
                            + debs));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An apt or dpkg command run to its end in {@code workDir} (created if missing), bounded by apt's timeout. */
    public static Detached.Finished run(List<String> command, Path workDir) {
        try {
            Files.createDirectories(workDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Detached.runToEnd(command, workDir, Map.of(), workDir, APT_TIMEOUT_SECONDS);
    }
}
