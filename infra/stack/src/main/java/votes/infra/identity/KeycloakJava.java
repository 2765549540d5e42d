package votes.infra.identity;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import votes.infra.jdk.Jdk;
import votes.infra.stack.StackException;

/**
 * The JDK Keycloak runs on. Keycloak 26 needs Java 21+, while the project (and usually the default {@code java}) is
 * 17, so it is looked for, never assumed: {@code VOTE_KEYCLOAK_JAVA} (a JDK home, or its {@code bin/java}), then
 * {@code JAVA_HOME}, then the JVM running the stack, then every JDK under the OS's JVM folder, newest first.
 */
public final class KeycloakJava {

    /** The oldest Java the Keycloak 26 distribution starts on. */
    public static final int MINIMUM_FEATURE = 21;

    private KeycloakJava() {
    }

    /** From this process's environment and JVM. */
    public static Jdk find(Map<String, String> env) {
        return find(env, Path.of(System.getProperty("java.home")), Jdk.OS_JVM_DIR);
    }

    static Jdk find(Map<String, String> env, Path runningJvm, Path osJvmDir) {
        String override = env.get("VOTE_KEYCLOAK_JAVA");
        if (override != null && !override.isBlank()) {
            Path home = homeOf(Path.of(override));
            return usable(home).orElseThrow(() -> new StackException("VOTE_KEYCLOAK_JAVA=" + override + " is not a JDK "
                    + MINIMUM_FEATURE + "+ (" + Jdk.describe(home) + "); Keycloak 26 needs Java " + MINIMUM_FEATURE
                    + " or newer"));
        }
        List<Path> candidates = new ArrayList<>();
        String javaHome = env.get("JAVA_HOME");
        if (javaHome != null && !javaHome.isBlank()) {
            candidates.add(Path.of(javaHome));
        }
        candidates.add(runningJvm);
        candidates.addAll(Jdk.installed(osJvmDir));
        return candidates.stream().map(KeycloakJava::usable).flatMap(Optional::stream).findFirst()
                .orElseThrow(() -> new StackException("Keycloak 26 needs a JDK " + MINIMUM_FEATURE + " or newer and"
                        + " none was found; looked at " + candidates.stream().map(Jdk::describe).toList()
                        + ". Install one (e.g. a Temurin 21 or 25 package) or point VOTE_KEYCLOAK_JAVA at its home."));
    }

    private static Optional<Jdk> usable(Path home) {
        return Jdk.at(home).filter(jdk -> jdk.feature() >= MINIMUM_FEATURE);
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
}
