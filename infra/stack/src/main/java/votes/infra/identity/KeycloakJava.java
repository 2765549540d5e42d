package votes.infra.identity;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import votes.infra.stack.StackException;

/**
 * The JDK Keycloak runs on. Keycloak 26 needs Java 21+, while the project (and usually the default {@code java}) is
 * 17, so it is looked for, never assumed: {@code VOTE_KEYCLOAK_JAVA} (a JDK home, or its {@code bin/java}), then
 * {@code JAVA_HOME}, then the JVM running the stack, then every JDK under the OS's JVM folder, newest first.
 */
public final class KeycloakJava {

    /** The oldest Java the Keycloak 26 distribution starts on. */
    public static final int MINIMUM_FEATURE = 21;
    /** Where Debian's and Adoptium's packages install JDKs (/usr/lib/jvm/temurin-25-jdk-amd64, ...). */
    static final Path OS_JVM_DIR = Path.of("/usr/lib/jvm");

    private static final Pattern RELEASE_VERSION = Pattern.compile("(?m)^JAVA_VERSION=\"?(\\d+)(?:\\.(\\d+))?");

    /** A JDK home that runs Keycloak, and its feature release (21, 25...). */
    public record Jdk(Path home, int feature) {
        public Path java() {
            return home.resolve("bin").resolve("java");
        }
    }

    private KeycloakJava() {
    }

    /** From this process's environment and JVM. */
    public static Jdk find(Map<String, String> env) {
        return find(env, Path.of(System.getProperty("java.home")), OS_JVM_DIR);
    }

    static Jdk find(Map<String, String> env, Path runningJvm, Path osJvmDir) {
        String override = env.get("VOTE_KEYCLOAK_JAVA");
        if (override != null && !override.isBlank()) {
            Path home = homeOf(Path.of(override));
            return usable(home).orElseThrow(() -> new StackException("VOTE_KEYCLOAK_JAVA=" + override + " is not a JDK "
                    + MINIMUM_FEATURE + "+ (" + describe(home) + "); Keycloak 26 needs Java " + MINIMUM_FEATURE
                    + " or newer"));
        }
        List<Path> candidates = new ArrayList<>();
        String javaHome = env.get("JAVA_HOME");
        if (javaHome != null && !javaHome.isBlank()) {
            candidates.add(Path.of(javaHome));
        }
        candidates.add(runningJvm);
        candidates.addAll(installed(osJvmDir));
        return candidates.stream().map(KeycloakJava::usable).flatMap(Optional::stream).findFirst()
                .orElseThrow(() -> new StackException("Keycloak 26 needs a JDK " + MINIMUM_FEATURE + " or newer and"
                        + " none was found; looked at " + candidates.stream().map(KeycloakJava::describe).toList()
                        + ". Install one (e.g. a Temurin 21 or 25 package) or point VOTE_KEYCLOAK_JAVA at its home."));
    }

    /** The JDKs under the OS's folder, newest first (a symlinked alias of the same JDK is harmless: same answer). */
    static List<Path> installed(Path osJvmDir) {
        if (!Files.isDirectory(osJvmDir)) {
            return List.of();
        }
        try (Stream<Path> dirs = Files.list(osJvmDir)) {
            return dirs.filter(Files::isDirectory)
                    .sorted(Comparator.comparingInt((Path dir) -> feature(dir).orElse(0)).reversed()
                            .thenComparing(Path::toString))
                    .toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static Optional<Jdk> usable(Path home) {
        OptionalInt feature = feature(home);
        if (feature.isEmpty() || feature.getAsInt() < MINIMUM_FEATURE
                || !Files.isExecutable(home.resolve("bin").resolve("java"))) {
            return Optional.empty();
        }
        return Optional.of(new Jdk(home, feature.getAsInt()));
    }

    /** The feature release a JDK's {@code release} file names: "17.0.15" is 17, the old "1.8.0_402" is 8. */
    static OptionalInt feature(Path home) {
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

    /** A JDK home from either the home or its bin/java. */
    private static Path homeOf(Path given) {
        Path file = given.getFileName();
        if (file != null && file.toString().equals("java") && given.getParent() != null
                && given.getParent().getParent() != null) {
            return given.getParent().getParent();
        }
        return given;
    }

    private static String describe(Path home) {
        OptionalInt feature = feature(home);
        return home + (feature.isPresent() ? " (Java " + feature.getAsInt() + ")" : " (no JDK release file)");
    }
}
