package votes.images.base;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import votes.infra.stack.Detached;

/**
 * The base's file tree: the Debian packages unpacked, the files a package's maintainer scripts would have made
 * (users, truststore), and nothing a JVM server does not run with (manuals, changelogs; the copyright files stay:
 * they are the licences the image ships under).
 */
final class RootFilesystem {

    /** distroless' convention, so manifests and policies written for distroless images fit ours. */
    static final int NONROOT = 65532;

    private static final long CHMOD_SECONDS = 30;
    /**
     * Packages of which the base takes only these paths. libc-bin's C.UTF-8 locale: with LANG=C.UTF-8 and no locale
     * files glibc falls back to ASCII, and Java 17 takes its default charset from the locale (logs print '?').
     */
    static final Map<String, List<String>> PARTS = Map.of("libc-bin", List.of("usr/lib/locale/C.utf8"));
    private static final List<String> PRUNED = List.of("usr/share/man", "usr/share/info", "usr/share/lintian",
            "usr/share/bug", "usr/share/locale");

    private RootFilesystem() {
    }

    static void assemble(DebianArchive archive, List<DebianPackage> packages, Path debs, Path rootfs) {
        try {
            for (DebianPackage pkg : packages) {
                List<String> part = PARTS.get(pkg.name());
                if (part == null) {
                    archive.unpack(pkg, debs, rootfs);
                } else {
                    unpackPart(archive, pkg, debs, rootfs, part);
                }
            }
            for (String pruned : PRUNED) {
                delete(rootfs.resolve(pruned));
            }
            pruneDocsButCopyright(rootfs.resolve("usr/share/doc"));
            Files.writeString(rootfs.resolve("etc/passwd"), "root:x:0:0:root:/root:/sbin/nologin\n"
                    + "nonroot:x:" + NONROOT + ":" + NONROOT + ":nonroot:/home/nonroot:/sbin/nologin\n");
            Files.writeString(rootfs.resolve("etc/group"), "root:x:0:\nnonroot:x:" + NONROOT + ":\n");
            // Without it glibc asks DNS before /etc/hosts: a pod's own name and the kubelet's aliases live in hosts.
            Files.writeString(rootfs.resolve("etc/nsswitch.conf"), "passwd: files\ngroup: files\nhosts: files dns\n");
            Path tmp = Files.createDirectories(rootfs.resolve("tmp"));
            // 1777 like any /tmp (Java's file API cannot set the sticky bit); in a pod an emptyDir covers it.
            Detached.runToEnd(List.of("chmod", "1777", tmp.toString()), rootfs, Map.of(), rootfs, CHMOD_SECONDS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Truststore.write(rootfs);
    }

    private static void unpackPart(DebianArchive archive, DebianPackage pkg, Path debs, Path rootfs,
                                   List<String> paths) throws IOException {
        Path whole = rootfs.resolveSibling(pkg.name());
        archive.unpack(pkg, debs, whole);
        for (String path : paths) {
            Files.createDirectories(rootfs.resolve(path).getParent());
            Files.move(whole.resolve(path), rootfs.resolve(path));
        }
        delete(whole);
    }

    private static void pruneDocsButCopyright(Path docs) throws IOException {
        if (!Files.isDirectory(docs)) {
            return;
        }
        try (Stream<Path> files = Files.walk(docs)) {
            for (Path file : files.filter(f -> !Files.isDirectory(f)).toList()) {
                if (!file.getFileName().toString().equals("copyright")) {
                    Files.delete(file);
                }
            }
        }
    }

    static void delete(Path tree) throws IOException {
        if (!Files.exists(tree, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> files = Files.walk(tree)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}
