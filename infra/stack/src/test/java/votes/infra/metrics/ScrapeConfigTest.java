package votes.infra.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import votes.infra.stack.StackPorts;

class ScrapeConfigTest {

    private static final StackPorts PORTS = new StackPorts(1, 2, 3, 4, 5, 6, 19092, 19093, 7, 8, 9, 10, 11, 12);
    private static final Map<String, Integer> PORT_OF_COMPONENT = Map.of("gateway", 1, "ingest", 2, "ledger", 3,
            "realtime", 4, "projections", 5, "cdc-relay", 6);

    @Test
    void everyComponentIsAJobScrapedOnItsLoopbackPortAtQuarkusMetricsPathWithItsComponentLabel() {
        String yaml = ScrapeConfig.of(PORTS).yaml();

        PORT_OF_COMPONENT.forEach((component, port) -> assertThat(yaml).contains(String.join("\n",
                "  - job_name: " + component,
                "    metrics_path: /q/metrics",
                "    static_configs:",
                "      - targets: ['127.0.0.1:" + port + "']",
                "        labels:",
                "          component: " + component, "")));
        assertThat(lines(yaml).stream().filter(line -> line.startsWith("  - job_name: ")))
                .hasSize(PORT_OF_COMPONENT.size());
    }

    @Test
    void scrapesNothingButLoopbackAddresses() {
        List<String> targets = lines(ScrapeConfig.of(PORTS).yaml()).stream()
                .filter(line -> line.contains("targets:")).toList();

        assertThat(targets).hasSize(PORT_OF_COMPONENT.size())
                .allSatisfy(line -> assertThat(line).matches(" *- targets: \\['127\\.0\\.0\\.1:\\d+'\\]"));
    }

    @Test
    void scrapesAndEvaluatesEveryFiveSeconds() {
        String yaml = ScrapeConfig.of(PORTS).yaml();

        assertThat(yaml).contains("global:\n  scrape_interval: 5s\n  evaluation_interval: 5s\n");
    }

    private static List<String> lines(String yaml) {
        return Arrays.asList(yaml.split("\n"));
    }
}
