package votes.k8s.dashboard;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import votes.k8s.render.Overlay;

/** {@code base/observability/dashboards/}: the Grafana dashboards, each file as written and parsed. */
public record Dashboards(String file, String json, JsonNode board) {

    static final Path DIR = Overlay.moduleDir().resolve("base/observability/dashboards");
    /** The data source every panel names: a dashboard variable, so one board serves any Prometheus. */
    static final String DATASOURCE = "${datasource}";

    private static final JsonMapper JSON = new JsonMapper();

    public static List<Dashboards> all() {
        try (Stream<Path> files = Files.list(DIR)) {
            List<Dashboards> boards = new ArrayList<>();
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                String json = Files.readString(file);
                boards.add(new Dashboards(file.getFileName().toString(), json, JSON.readTree(json)));
            }
            return boards;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file name: an assertion's message names the board, not its whole JSON. */
    @Override
    public String toString() {
        return file;
    }

    /** Every panel, those inside collapsed rows included. */
    List<JsonNode> panels() {
        List<JsonNode> panels = new ArrayList<>();
        for (JsonNode panel : board.path("panels")) {
            panels.add(panel);
            panel.path("panels").forEach(panels::add);
        }
        return panels;
    }

    /** Every query's PromQL. */
    public List<String> expressions() {
        return panels().stream().flatMap(panel -> StreamSupport.stream(panel.path("targets").spliterator(), false))
                .map(target -> target.path("expr").asString("")).filter(expr -> !expr.isBlank()).toList();
    }
}
