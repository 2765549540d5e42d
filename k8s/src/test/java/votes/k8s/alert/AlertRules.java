package votes.k8s.alert;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.StreamSupport;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;
import votes.k8s.render.Overlay;

/** {@code base/observability/}: the rules file (the one source of the alerts) and its promtool tests, parsed. */
final class AlertRules {

    static final Path DIR = Overlay.moduleDir().resolve("base/observability");
    static final String RULES_FILE = "alerts.rules.yaml";
    static final String TESTS_FILE = "alerts.test.yaml";

    private static final YAMLMapper YAML = new YAMLMapper();

    private AlertRules() {
    }

    static JsonNode read(String file) {
        try {
            return YAML.readTree(Files.readString(DIR.resolve(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every rule (recording and alerting) of the rules file's groups. */
    static List<JsonNode> rules() {
        return StreamSupport.stream(read(RULES_FILE).path("groups").spliterator(), false)
                .flatMap(group -> StreamSupport.stream(group.path("rules").spliterator(), false)).toList();
    }

    static List<JsonNode> alerts() {
        return rules().stream().filter(rule -> rule.has("alert")).toList();
    }
}
