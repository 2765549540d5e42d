package votes.infra.identity;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Enumeration;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import votes.infra.stack.MavenArtifact;
import votes.infra.stack.StackException;

/**
 * Keycloak's server distribution ({@code org.keycloak:keycloak-quarkus-dist}, a zip on Maven Central), fetched with
 * the project's own Maven wrapper (its settings, mirrors and local repository; the zip is downloaded once per
 * machine) and unpacked once per stack home under {@code cache/keycloak-<version>/}. The unpacked tree's
 * {@code data/} is a link to the stack's {@code data/keycloak/}, so the database, the realm import and Keycloak's
 * temporary files live with the rest of the stack's data and a cache can be thrown away without losing anything.
 *
 * @param version a 26.x that Maven Central serves
 */
public record KeycloakDistribution(String version, Path cacheDir, Path repoRoot) {

    /** The release the stack runs; VOTE_KEYCLOAK_VERSION picks another 26.x. */
    public static final String DEFAULT_VERSION = "26.7.3";
    static final String ARTIFACT = "org.keycloak:keycloak-quarkus-dist";
    /** The download is ~180 MB; on a slow mirror that takes minutes, not hours. */
    private static final long FETCH_TIMEOUT_SECONDS = 900;

    public static KeycloakDistribution of(Map<String, String> env, Path cacheDir, Path repoRoot) {
        String version = env.getOrDefault("VOTE_KEYCLOAK_VERSION", DEFAULT_VERSION);
        if (!version.matches("26\\.\\d+\\.\\d+")) {
            throw new StackException("VOTE_KEYCLOAK_VERSION=" + version + ": the stack's realm and flags are for Keycloak 26.x");
        }
        return new KeycloakDistribution(version, cacheDir, repoRoot);
    }

    /** The unpacked distribution ({@code bin/kc.sh}, {@code lib/}, {@code conf/} ...). */
    public Path home() {
        return cacheDir.resolve("keycloak-" + version);
    }

    public Path launcher() {
        return home().resolve("bin").resolve("kc.sh");
    }

    public boolean isUnpacked() {
        return Files.isExecutable(launcher());
    }

    /**
     * Fetches and unpacks the distribution unless this home has it, and links its {@code data/} to {@code dataDir}.
     *
     * @return what was done, for the start line
     */
    public String ensure(Path dataDir, Path logFile) {
        String done = "cached";
        if (!isUnpacked()) {
            Path zip = fetch(logFile);
            unpack(zip);
            done = "fetched and unpacked";
        }
        linkData(dataDir);
        return done;
    }

    /** The zip, unless a start that died while unpacking left it in {@code downloads/}. */
    private Path fetch(Path logFile) {
        return new MavenArtifact(ARTIFACT + ":" + version + ":zip", "keycloak-quarkus-dist-" + version + ".zip")
                .fetch(repoRoot, cacheDir.resolve("downloads"), logFile, FETCH_TIMEOUT_SECONDS);
    }

    /**
     * Into a scratch folder first, then renamed: a start that dies half-way leaves no half distribution behind. The
     * zip goes afterwards (Maven's local repository keeps its own copy).
     */
    private void unpack(Path zip) {
        try {
            Files.createDirectories(cacheDir);
            Path scratch = Files.createTempDirectory(cacheDir, "unpacking-");
            try (ZipFile archive = new ZipFile(zip.toFile())) {
                Enumeration<? extends ZipEntry> entries = archive.entries();
                while (entries.hasMoreElements()) {
                    extract(archive, entries.nextElement(), scratch);
                }
            }
            Path top = scratch.resolve("keycloak-" + version);
            if (!Files.isRegularFile(top.resolve("bin").resolve("kc.sh"))) {
                throw new StackException(zip + " holds no keycloak-" + version + "/bin/kc.sh");
            }
            Files.move(top, home(), StandardCopyOption.ATOMIC_MOVE);
            Files.delete(scratch);
            Files.delete(zip);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack " + zip + " into " + cacheDir, e);
        }
    }

    private static void extract(ZipFile archive, ZipEntry entry, Path into) throws IOException {
        Path target = into.resolve(entry.getName()).normalize();
        if (!target.startsWith(into)) {
            throw new StackException("refusing a zip entry outside its folder: " + entry.getName());
        }
        if (entry.isDirectory()) {
            Files.createDirectories(target);
            return;
        }
        Files.createDirectories(target.getParent());
        try (InputStream in = archive.getInputStream(entry)) {
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
        // java.util.zip drops Unix modes; the launchers are the only files that must run.
        if (entry.getName().endsWith(".sh")) {
            target.toFile().setExecutable(true, false);
        }
    }

    private void linkData(Path dataDir) {
        Path link = home().resolve("data");
        try {
            Files.createDirectories(dataDir);
            if (Files.isSymbolicLink(link) && Files.readSymbolicLink(link).equals(dataDir)) {
                return;
            }
            if (Files.isSymbolicLink(link) || Files.isRegularFile(link)) {
                Files.delete(link);
            } else if (Files.isDirectory(link)) {
                throw new StackException(link + " is a folder; the stack keeps Keycloak's data in " + dataDir
                        + " (remove " + link + " to go on)");
            }
            Files.createSymbolicLink(link, dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot link " + link + " to " + dataDir, e);
        }
    }
}
