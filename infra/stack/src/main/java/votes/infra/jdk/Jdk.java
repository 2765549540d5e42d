package votes.infra.jdk;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A JDK home and its feature release (17, 21, 25...), read from the home's {@code release} file, never from running
 * it. The stack needs other JDKs than the one it runs on: Keycloak 26 needs 21+, the ledger's AOT cache 25+.
 */
public record Jdk(Path home, int feature) {

    /** Where Debian's and Adoptium's packages install JDKs (/usr/lib/jvm/temurin-25-jdk-amd64, ...). */
    public static final String OS_JVM_FOLDER = "/usr/lib/jvm";
    public static final Path OS_JVM_DIR = Path.of(OS_JVM_FOLDER);

    private static final Pattern RELEASE_VERSION = Pattern.compile("(?m)^JAVA_VERSION=\"?(\\d+)(?:\\.(\\d+))?");

    public Path java() {
        return home.resolve("bin").resolve("java");
    }

    /** The JDK at a home, if it has a release file and an executable bin/java. */
    public static Optional<Jdk> at(Path home) {
        OptionalInt feature = feature(home);
        if (feature.isEmpty() || !Files.isExecutable(home.resolve("bin").resolve("java"))) {
            return Optional.empty();
        }
        return Optional.of(new Jdk(home, feature.getAsInt()));
    }

    /** The newest JDK under a folder of JDKs whose feature release is at least the given one. */
    public static Optional<Jdk> newest(Path jvmDir, int minimumFeature) {
        return installed(jvmDir).stream().map(Jdk::at).flatMap(Optional::stream)
                .filter(jdk -> jdk.feature() >= minimumFeature).findFirst();
    }

    /** The folders under a folder of JDKs, newest first (a symlinked alias of the same JDK is harmless: same answer). */
    public static List<Path> installed(Path jvmDir) {
        if (!Files.isDirectory(jvmDir)) {
            return List.of();
        }
        try (Stream<Path> dirs = Files.list(jvmDir)) {
            return dirs.filter(Files::isDirectory)
                    .sorted(Comparator.comparingInt((Path dir) -> feature(dir).orElse(0)).reversed()
                            .thenComparing(Path::toString))
                    .toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** The feature release a JDK's {@code release} file names: "17.0.15" is 17, the old "1.8.0_402" is 8. */
    public static OptionalInt feature(Path home) {
        try {
            Matcher m = RELEASE_VERSION.matcher(Files.readString(home.resolve("release")));
            if (!m.find()) {
                return OptionalInt.empty();
            }
            int first = Integer.parseInt(m.group(1));
            return OptionalInt.of(first == 1 && m.group(2) != null ? Integer.parseInt(m.group(2)) : first);
        } catch (IOException | RuntimeException e) {
            return OptionalInt.empty();
        }
    }

    /** A home and what its release file says, for messages. */
    public static String describe(Path home) {
        OptionalInt feature = feature(home);
        return home + (feature.isPresent() ? " (Java " + feature.getAsInt() + ")" : " (no JDK release file)");
    }
}
