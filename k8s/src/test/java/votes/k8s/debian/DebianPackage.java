package votes.k8s.render;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import votes.infra.stack.Detached;

/**
 * Debian's {@code kubernetes-client} package (kubectl 1.20, whose {@code kubectl kustomize} is Kustomize 2.0.3),
 * unpacked under the module's {@code target/}: {@code apt-get download} and {@code dpkg-deb -x} need no root and no
 * install, so the build renders with a real Kustomize on any Debian machine that reaches Debian's mirror. Only when
 * the package lists are missing (a fresh machine) and we are root does it run {@code apt-get update} first, as the
 * stack does before it installs PostgreSQL.
 */
public final class KubernetesClient {

    static final String PACKAGE = "kubernetes-client";
    private static final long APT_TIMEOUT_SECONDS = 600;

    private KubernetesClient() {
    }

    /** The kubectl binary, fetched and unpacked once per {@code target/}. */
    public static synchronized Path kubectl(Path target) {
        Path root = target.resolve(PACKAGE);
        Path kubectl = root.resolve("usr/bin/kubectl");
        if (Files.isExecutable(kubectl)) {
            return kubectl;
        }
        Path debs = target.resolve(PACKAGE + "-deb");
        Path deb = download(debs);
        Detached.Finished unpacked = run(List.of("dpkg-deb", "-x", deb.toString(), root.toString()), debs);
        if (unpacked.exitCode() != 0 || !Files.isExecutable(kubectl)) {
            throw new IllegalStateException("dpkg-deb -x " + deb + " gave no " + kubectl + ": " + unpacked.output());
        }
        return kubectl;
    }

    private static Path download(Path debs) {
        List<String> download = List.of("apt-get", "download", PACKAGE);
        Detached.Finished first = run(download, debs);
        if (first.exitCode() != 0 && "root".equals(System.getProperty("user.name"))) {
            run(List.of("apt-get", "update"), debs);
            first = run(download, debs);
        }
        if (first.exitCode() != 0) {
            throw new IllegalStateException("apt-get download " + PACKAGE + " failed (exit " + first.exitCode()
                    + "); run apt-get update as root once: " + first.output());
        }
        try (Stream<Path> files = Files.list(debs)) {
            return files.filter(f -> f.getFileName().toString().startsWith(PACKAGE + "_")
                    && f.getFileName().toString().endsWith(".deb")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("apt-get download left no " + PACKAGE + " .deb in "
                            + debs));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Detached.Finished run(List<String> command, Path workDir) {
        try {
            Files.createDirectories(workDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Detached.runToEnd(command, workDir, Map.of(), workDir, APT_TIMEOUT_SECONDS);
    }
}
