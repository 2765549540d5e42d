package votes.k8s.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Map;
import java.util.TreeMap;

/** {@code base/observability/exported-metrics.tsv}: the metrics something exports, and where each is defined. */
public final class ExportedMetrics {

    static final String LIST = "exported-metrics.tsv";
    /** The file column of a metric we do not export ourselves (Prometheus, the kubelet). */
    static final String NOT_OURS = "-";

    private ExportedMetrics() {
    }

    /** metric -> {file, string it holds, what}. */
    public static Map<String, String[]> listed() {
        Map<String, String[]> rows = new TreeMap<>();
        try {
            for (String line : Files.readAllLines(AlertRules.DIR.resolve(LIST))) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] columns = line.split("\t");
                assertThat(columns).as("4 tab-separated columns: " + line).hasSize(4);
                assertThat(rows.put(columns[0], columns)).as("listed twice: " + columns[0]).isNull();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }
}
