package votes.k8s.alert;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;
import votes.k8s.render.Overlay;

/** {@code base/observability/}: the rules file (the one source of the alerts) and its promtool tests, parsed. */
public final class AlertRules {

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
    public static List<JsonNode> rules() {
        return StreamSupport.stream(read(RULES_FILE).path("groups").spliterator(), false)
                .flatMap(group -> StreamSupport.stream(group.path("rules").spliterator(), false)).toList();
    }

    static List<JsonNode> alerts() {
        return rules().stream().filter(rule -> rule.has("alert")).toList();
    }

    /** The series the recording rules write: what a dashboard may read besides exported metrics. */
    public static Set<String> recorded() {
        return rules().stream().filter(rule -> rule.has("record")).map(rule -> rule.path("record").asString())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** The exported metrics the rules read (recorded series left out). */
    public static Set<String> readByRules() {
        Set<String> read = new TreeSet<>();
        rules().forEach(rule -> read.addAll(PromQlMetrics.in(rule.path("expr").asString())));
        read.removeAll(recorded());
        return read;
    }
}
