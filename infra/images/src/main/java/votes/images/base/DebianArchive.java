package votes.images.base;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import votes.infra.stack.Detached;

/**
 * Debian's archive as the base image sees it: which version of each package the machine's package lists offer,
 * {@code apt-get download} of exactly that version and {@code dpkg-deb -x} into a directory. Neither needs root nor
 * installs anything; only when the lists are missing (a fresh machine) and we are root does it run
 * {@code apt-get update} first, as k8s' test tools and the stack's PostgreSQL install do.
 */
final class DebianArchive {

    private final Path scratch;

    DebianArchive(Path scratch) {
        this.scratch = scratch;
    }

    /** The candidate version of each package (what an install would take today), in the order given. */
    List<DebianPackage> candidates(List<String> names) {
        List<String> show = new ArrayList<>(List.of("apt-cache", "show", "--no-all-versions"));
        show.addAll(names);
        Detached.Finished listed = run(show, scratch);
        if (listed.exitCode() != 0 && "root".equals(System.getProperty("user.name"))) {
            run(List.of("apt-get", "update"), scratch);
            listed = run(show, scratch);
        }
        if (listed.exitCode() != 0) {
            throw new IllegalStateException("apt-cache show " + names + " failed (exit " + listed.exitCode()
                    + "); run apt-get update as root once: " + listed.output());
        }
        return parse(listed.output(), names);
    }

    /** {@code apt-cache show} prints one stanza per package, fields as {@code Name: value} lines. */
    static List<DebianPackage> parse(String aptCacheShow, List<String> names) {
        List<DebianPackage> found = new ArrayList<>();
        for (String stanza : aptCacheShow.split("\n\s*\n")) {
            Map<String, String> fields = new HashMap<>();
            for (String line : stanza.split("\n")) {
                int colon = line.indexOf(": ");
                if (colon > 0 && !line.startsWith(" ")) {
                    fields.putIfAbsent(line.substring(0, colon), line.substring(colon + 2).strip());
                }
            }
            if (fields.containsKey("Package") && fields.containsKey("Version") && fields.containsKey("Architecture")) {
                found.add(new DebianPackage(fields.get("Package"), fields.get("Version"), fields.get("Architecture")));
            }
        }
        return names.stream().map(wanted -> found.stream().filter(p -> p.name().equals(wanted)).findFirst()
                .orElseThrow(() -> new IllegalStateException("the package lists offer no " + wanted))).toList();
    }

    /** Downloads {@code pkg} (once per cache) and unpacks it over {@code rootfs}. */
    void unpack(DebianPackage pkg, Path debs, Path rootfs) {
        Path deb = download(pkg, debs);
        Detached.Finished unpacked = run(List.of("dpkg-deb", "-x", deb.toString(), rootfs.toString()), debs);
        if (unpacked.exitCode() != 0) {
            throw new IllegalStateException("dpkg-deb -x " + deb + " failed: " + unpacked.output());
        }
    }

    private Path download(DebianPackage pkg, Path debs) {
        Path deb = debs.resolve(fileName(pkg));
        if (Files.isRegularFile(deb)) {
            return deb;
        }
        Detached.Finished fetched = run(List.of("apt-get", "download", pkg.pinned()), debs);
        if (fetched.exitCode() != 0 || !Files.isRegularFile(deb)) {
            throw new IllegalStateException("apt-get download " + pkg.pinned() + " gave no " + deb + ": "
                    + fetched.output() + " (in " + list(debs) + ")");
        }
        return deb;
    }

    /** How {@code apt-get download} names the file: {@code <name>_<version, ':' as %3a>_<arch>.deb}. */
    static String fileName(DebianPackage pkg) {
        return pkg.name() + "_" + pkg.version().replace(":", "%3a") + "_" + pkg.architecture() + ".deb";
    }

    private static List<String> list(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The stack's one way of running apt and dpkg (its timeout, its folder handling). */
    private static Detached.Finished run(List<String> command, Path workDir) {
        return votes.infra.debian.DebianPackage.run(command, workDir);
    }
}
