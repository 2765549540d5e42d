package votes.system.log;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import votes.infra.stack.StackSettings;

/** A stack's log files as an operator greps them: the JSON lines of one component (the packaged jars' prod profile). */
public final class ServiceLogs {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final StackSettings settings;

    public ServiceLogs(StackSettings settings) {
        this.settings = settings;
    }

    /** The first JSON line of {@code component} that matches, once it is written (a line may lag its request). */
    public JsonNode awaitLine(String component, Predicate<JsonNode> match) {
        // Exceptions ignored: the last line may be half written when it is read.
        return await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200)).ignoreExceptions().until(() -> lines(component)
                .stream().filter(line -> line.startsWith("{")).map(ServiceLogs::parse).filter(match).findFirst(),
                Optional::isPresent).orElseThrow();
    }

    public List<String> lines(String component) {
        Path log = settings.logFile(component);
        try {
            return Files.readAllLines(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new UncheckedIOException("not one JSON object: " + line, e);
        }
    }
}
