package votes.images.base;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import votes.infra.stack.Detached;

/**
 * The base every service image is built on: a Java 17 headless JRE and the libraries it links (glibc, libgcc,
 * libstdc++, zlib), the CA certificates, a {@code nonroot} user 65532 and nothing else (no shell, no package
 * manager), from Debian 12 packages, as a one-layer image tarball in the Docker-archive format Jib reads with
 * {@code Jib.from(TarImage)}. No registry base (distroless, UBI) can be pulled here; Debian's packages can.
 *
 * <p>It is built once per set of package versions and kept in the cache: the name is a digest of the recipe and the
 * exact versions, so a Debian security update (a new candidate version) makes a new base on the next build.
 */
public record BaseImage(Path tarball, List<DebianPackage> packages) {

    /** The JRE's feature release: which JVM flags its entrypoint may take (JvmOptions.idleClock). */
    public static final int JAVA_FEATURE = 17;
    public static final String JAVA_HOME = "/usr/lib/jvm/java-" + JAVA_FEATURE + "-openjdk-amd64";
    public static final String JAVA = JAVA_HOME + "/bin/java";

    /** Bump when the assembly changes (files added, pruned): the cache key covers the recipe, not only versions. */
    private static final String RECIPE = "votes-base/2";
    private static final List<String> PACKAGES = List.of("openjdk-" + JAVA_FEATURE + "-jre-headless", "libc6",
            "libgcc-s1", "libstdc++6", "zlib1g", "ca-certificates", "libc-bin");
    private static final long TAR_TIMEOUT_SECONDS = 600;
    /** Where, under the cache, the images' build keeps Jib's cache of the base layer. */
    public static final String JIB_BASE_CACHE = "jib/base";
    /** Keys sorted: Map.of's order changes from one JVM to the next, the base's bytes must not. */
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    /** The cached base for today's package versions, assembling it first if this cache has none. */
    public static BaseImage ensure(Path cache) {
        Path dir = cache.resolve("base");
        DebianArchive archive = new DebianArchive(dir.resolve("scratch"));
        List<DebianPackage> packages = archive.candidates(PACKAGES);
        Path tarball = dir.resolve(key(packages) + ".tar");
        try {
            Files.createDirectories(dir);
            // Several builds (engineers, CI) may share a cache: one assembles, the others wait and reuse it.
            try (FileChannel lockFile = FileChannel.open(dir.resolve("lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE); FileLock lock = lockFile.lock()) {
                if (!Files.isRegularFile(tarball)) {
                    assemble(archive, packages, dir, tarball);
                    prune(dir, tarball, packages);
                    // Jib's copy of the old base's layer (its base-layer cache, beside ours) is dead weight now.
                    RootFilesystem.delete(cache.resolve(JIB_BASE_CACHE));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new BaseImage(tarball, packages);
    }

    static String key(List<DebianPackage> packages) {
        String recipe = RECIPE + "\n" + packages.stream().map(p -> p.pinned() + "/" + p.architecture())
                .collect(Collectors.joining("\n"));
        return "base-" + HexFormat.of().formatHex(sha256(recipe.getBytes(StandardCharsets.UTF_8))).substring(0, 16);
    }

    private static void assemble(DebianArchive archive, List<DebianPackage> packages, Path dir, Path tarball)
            throws IOException {
        Path work = dir.resolve("work");
        RootFilesystem.delete(work);
        Path rootfs = Files.createDirectories(work.resolve("rootfs"));
        RootFilesystem.assemble(archive, packages, dir.resolve("debs"), rootfs);
        Path layerTar = work.resolve("layer.tar");
        // GNU tar keeps what Jib's own layers cannot carry (symlinks, /tmp's sticky bit); fixed order, owner and
        // times make the layer the same bytes for the same packages.
        tar(work, List.of("tar", "--format=gnu", "--sort=name", "--mtime=@1", "--owner=0", "--group=0",
                "--numeric-owner", "-C", rootfs.toString(), "-cf", layerTar.toString(), "."));
        String diffId = "sha256:" + HexFormat.of().formatHex(digest(layerTar));
        try (InputStream in = Files.newInputStream(layerTar);
             OutputStream out = new GZIPOutputStream(Files.newOutputStream(work.resolve("layer.tar.gz")))) {
            in.transferTo(out);
        }
        JSON.writeValue(work.resolve("config.json").toFile(), config(diffId, packages));
        JSON.writeValue(work.resolve("manifest.json").toFile(), List.of(Map.of("Config", "config.json",
                "RepoTags", List.of("votes/base:" + tarball.getFileName().toString().replace(".tar", "")),
                "Layers", List.of("layer.tar.gz"))));
        Path partial = dir.resolve(tarball.getFileName() + ".partial");
        tar(work, List.of("tar", "--format=gnu", "--mtime=@1", "--owner=0", "--group=0", "--numeric-owner",
                "-C", work.toString(), "-cf", partial.toString(), "manifest.json", "config.json", "layer.tar.gz"));
        Files.move(partial, tarball, StandardCopyOption.ATOMIC_MOVE);
        RootFilesystem.delete(work);
    }

    /** A new base replaces the old one: the cache keeps one base and the packages it was made of, not every past one. */
    static void prune(Path dir, Path tarball, List<DebianPackage> packages) throws IOException {
        Set<String> current = packages.stream().map(DebianArchive::fileName).collect(Collectors.toSet());
        try (Stream<Path> bases = Files.list(dir)) {
            for (Path old : bases.filter(f -> f.getFileName().toString().matches("base-.*\\.tar")
                    && !f.equals(tarball)).toList()) {
                Files.delete(old);
            }
        }
        Path debs = dir.resolve("debs");
        if (Files.isDirectory(debs)) {
            try (Stream<Path> files = Files.list(debs)) {
                for (Path old : files.filter(f -> !current.contains(f.getFileName().toString())).toList()) {
                    Files.delete(old);
                }
            }
        }
    }

    private static Map<String, Object> config(String diffId, List<DebianPackage> packages) {
        String from = packages.stream().map(DebianPackage::pinned).collect(Collectors.joining(" "));
        // The JRE (first) is built per architecture; ca-certificates is "all".
        return Map.of("architecture", packages.get(0).architecture(), "os", "linux",
                "created", "1970-01-01T00:00:01Z",
                "config", Map.of("Env", List.of("PATH=" + JAVA_HOME + "/bin:/usr/sbin:/usr/bin:/sbin:/bin",
                                "JAVA_HOME=" + JAVA_HOME, "LANG=C.UTF-8"),
                        "User", RootFilesystem.NONROOT + ":" + RootFilesystem.NONROOT, "WorkingDir", "/"),
                "rootfs", Map.of("type", "layers", "diff_ids", List.of(diffId)),
                "history", List.of(Map.of("created", "1970-01-01T00:00:01Z",
                        "created_by", "votes images: Debian packages " + from)));
    }

    private static void tar(Path work, List<String> command) {
        Detached.Finished done = Detached.runToEnd(command, work, Map.of(), work, TAR_TIMEOUT_SECONDS);
        if (done.exitCode() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + done.output());
        }
    }

    private static byte[] digest(Path file) throws IOException {
        MessageDigest sha = sha256();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return sha.digest();
    }

    private static byte[] sha256(byte[] bytes) {
        return sha256().digest(bytes);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
