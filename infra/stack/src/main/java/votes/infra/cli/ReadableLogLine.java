package votes.infra.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * How {@code ./vote logs} shows a JSON log line (the services' prod profile, the gateway) to a person:
 * {@code timestamp LEVEL logger message key=value...} with the MDC's ids and an access line's fields, then the stack
 * trace if any. Any other line (Kafka, PostgreSQL, the relay) is shown as it is.
 */
final class ReadableLogLine {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Shown first, or not at all: the same on every line of a component's log. */
    private static final Set<String> LEADING = Set.of("timestamp", "level", "logger", "message", "stackTrace",
            "service", "hostName", "threadName", "mdc");

    private ReadableLogLine() {
    }

    static String of(String line) {
        if (!line.startsWith("{")) {
            return line;
        }
        JsonNode json;
        try {
            json = JSON.readTree(line);
        } catch (IOException e) {
            return line; // half a line, or not ours
        }
        if (json == null || !json.isObject() || !json.has("message")) {
            return line;
        }
        StringBuilder text = new StringBuilder().append(json.path("timestamp").asText()).append(' ')
                .append(String.format("%-5s", json.path("level").asText())).append(' ')
                .append(json.path("logger").asText()).append(" - ").append(json.path("message").asText());
        fields(text, json.path("mdc"), Set.of());
        fields(text, json, LEADING);
        if (json.hasNonNull("stackTrace")) {
            text.append(System.lineSeparator()).append(json.get("stackTrace").asText().stripTrailing());
        }
        return text.toString();
    }

    private static void fields(StringBuilder text, JsonNode object, Set<String> skipped) {
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (!skipped.contains(field.getKey())) {
                text.append(' ').append(field.getKey()).append('=').append(field.getValue().asText());
            }
        }
    }
}
