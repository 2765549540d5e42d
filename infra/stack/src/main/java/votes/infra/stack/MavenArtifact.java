package votes.infra.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;

/**
 * One artifact from Maven Central, fetched with the project's own Maven wrapper (its settings, mirrors and local
 * repository: downloaded once per machine) into a folder of the stack's cache. How the stack gets the servers that
 * are not Debian packages (Keycloak's distribution, Zipkin's server) without a download tool of its own.
 *
 * @param coordinates groupId:artifactId:version[:type[:classifier]] as {@code dependency:copy} takes them
 * @param fileName    the file {@code dependency:copy} writes for them
 */
public record MavenArtifact(String coordinates, String fileName) {

    /**
     * {@code mvnw dependency:copy} from the repo root (-N: the root pom pins the plugin's version, no module is
     * built), unless the file is already there. The command and its output go to {@code logFile}.
     *
     * @return the file in {@code downloads}
     */
    public Path fetch(Path repoRoot, Path downloads, Path logFile, long timeoutSeconds) {
        Path file = downloads.resolve(fileName);
        if (Files.isRegularFile(file)) {
            return file;
        }
        List<String> command = List.of(repoRoot.resolve("mvnw").toString(), "-q", "-B", "-ntp", "-N",
                "dependency:copy", "-Dartifact=" + coordinates, "-DoutputDirectory=" + downloads);
        try {
            Files.createDirectories(downloads);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + downloads, e);
        }
        Detached.Finished finished = Detached.runToEnd(command, repoRoot, Map.of(), downloads.getParent(),
                timeoutSeconds);
        appendToLog(logFile, String.join(" ", command) + "\n" + finished.output());
        if (finished.exitCode() != 0 || !Files.isRegularFile(file)) {
            throw new StackException("could not fetch " + coordinates + " from Maven Central (exit "
                    + finished.exitCode() + "); see " + logFile);
        }
        return file;
    }

    private static void appendToLog(Path logFile, String text) {
        try {
            Files.createDirectories(logFile.getParent());
            Files.writeString(logFile, text, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
