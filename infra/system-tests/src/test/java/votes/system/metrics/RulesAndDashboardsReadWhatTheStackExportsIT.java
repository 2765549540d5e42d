package votes.system.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import votes.infra.metrics.PrometheusServer;
import votes.infra.stack.StackPorts;
import votes.infra.test.VoteStackExtension;
import votes.system.VotesApi;

/**
 * The alert rules and the Grafana boards in k8s/ read only metrics a running stack really exports (issue 14, item
 * 6). {@code k8s/base/observability/exported-metrics.tsv} names every metric they read and the file that defines it
 * (k8s's unit tests hold the rules and boards to that list); here each of our rows is scraped from the running
 * component its file belongs to, after a vote went the whole way, so a renamed or dropped metric fails the build
 * instead of an alert that never fires. Then the stack's own Prometheus (what {@code ./vote up --observability} runs)
 * scrapes every component and holds a series of each of those metrics: what the rules read reaches Prometheus through
 * the generated scrape config, not only a curl.
 */
class RulesAndDashboardsReadWhatTheStackExportsIT {

    private static final Path EXPORTED = Path.of("k8s/base/observability/exported-metrics.tsv");

    /** The module a defining file lives in, longest first: the component whose /q/metrics must carry the metric. */
    private static final Map<String, String> COMPONENT_OF_MODULE = orderedMap(
            "ledger/cdc-relay/", "cdc-relay", "ledger/", "ledger", "ingest/", "ingest", "realtime/", "realtime",
            "projections/", "projections", "infra/gateway/", "gateway");

    @RegisterExtension
    static final VoteStackExtension STACK = new VoteStackExtension();

    /**
     * HTTP/1.1 as Prometheus scrapes: the JDK client's default h2c upgrade offer broke one scrape in CI (a 7 MB
     * "frame" read from a plain HTTP/1.1 answer), a client's quirk the stack need not serve.
     */
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private static final ObjectMapper JSON = new ObjectMapper();
    /** A few 5 s scrapes; minutes because a loaded machine delays Prometheus's start and its first scrapes. */
    private static final Duration SCRAPED_WITHIN = Duration.ofMinutes(3);

    static PrometheusServer prometheus;

    /** A vote that went the whole way (and a duplicate refused): the counters both tests look for exist after it. */
    @BeforeAll
    static void voteTheWholeWay() {
        VotesApi api = new VotesApi(STACK.url());
        String poll = api.createPoll(STACK.token("metrics-admin", "admin"), "metrics", "a", "b");
        await().atMost(Duration.ofSeconds(30)).until(() -> api.results(poll).status() == 200);
        String voter = STACK.token("metrics-voter");
        assertThat(api.vote(voter, poll, "a").status()).isEqualTo(202);
        assertThat(api.vote(voter, poll, "b").status()).isEqualTo(409);
        // Counted in the results: the ledger recorded it, the relay and the projections carried it.
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> VotesApi.votesByOption(api.results(poll).json()).getOrDefault("a", 0L) == 1L);
    }

    @AfterAll
    static void stopPrometheus() {
        if (prometheus != null) {
            prometheus.stop();
        }
    }

    @Test
    void everyMetricTheRulesAndBoardsReadIsOnTheMetricsOfTheComponentThatDefinesIt() throws Exception {
        Map<String, Set<String>> scraped = new LinkedHashMap<>();
        ports().forEach((component, port) -> scraped.put(component, names(scrape(port))));
        List<String> missing = new ArrayList<>();
        for (String[] row : ourRows()) {
            String component = componentOf(row[1]);
            if (!scraped.get(component).contains(row[0])) {
                missing.add(row[0] + " (defined in " + row[1] + ") is not on " + component + "'s /q/metrics");
            }
        }
        assertThat(missing).as("metrics the rules or boards read, missing from a running stack").isEmpty();
        assertThat(ourRows()).as("rows of ours in " + EXPORTED).hasSizeGreaterThan(20);
    }

    @Test
    void theStacksPrometheusScrapesEveryComponentAndHoldsEveryMetricTheRulesAndBoardsRead() throws Exception {
        prometheus = STACK.stack().localStack().metrics();
        prometheus.start();

        await().atMost(SCRAPED_WITHIN).pollInterval(Duration.ofSeconds(2)).untilAsserted(() ->
                assertThat(upByComponent()).as("up per component in " + prometheus.url())
                        .containsOnlyKeys(ports().keySet()).allSatisfy((component, up) -> assertThat(up).isEqualTo("1")));
        List<String[]> rows = ourRows();
        await().atMost(SCRAPED_WITHIN).pollInterval(Duration.ofSeconds(2)).untilAsserted(() ->
                assertThat(rows.stream().map(row -> row[0]).filter(name -> !hasSeries(name)).distinct().toList())
                        .as("metrics the rules or boards read with no series in the stack's Prometheus").isEmpty());
    }

    /** Prometheus's {@code up} per {@code component} label: "1" when its last scrape of that target answered. */
    private static Map<String, String> upByComponent() {
        Map<String, String> up = new TreeMap<>();
        for (JsonNode sample : prometheusApi("query?query=up")) {
            up.put(sample.path("metric").path("component").asText(), sample.path("value").path(1).asText());
        }
        return up;
    }

    private static boolean hasSeries(String metric) {
        return !prometheusApi("series?match[]=" + URLEncoder.encode(metric, StandardCharsets.UTF_8)).isEmpty();
    }

    /** The {@code data} (a query's {@code result}) of one Prometheus HTTP API call that must succeed. */
    private static JsonNode prometheusApi(String call) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(prometheus.url()
                    + "/api/v1/" + call)).timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(call + ": " + response.body()).isEqualTo(200);
            JsonNode data = JSON.readTree(response.body()).path("data");
            return data.has("result") ? data.path("result") : data;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted calling Prometheus's " + call, e);
        }
    }

    private static Map<String, Integer> ports() {
        StackPorts ports = STACK.stack().settings().ports();
        return orderedMap("ingest", ports.ingest(), "ledger", ports.ledger(), "cdc-relay", ports.relay(),
                "projections", ports.projections(), "realtime", ports.realtime(), "gateway", ports.gateway());
    }

    private String scrape(int port) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/q/metrics")).timeout(Duration.ofSeconds(20)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as("/q/metrics on " + port).isEqualTo(200);
            return response.body();
        } catch (Exception e) {
            throw new AssertionError("scraping port " + port, e);
        }
    }

    /** The sample names of a Prometheus text exposition ({@code name{labels} value} or {@code name value}). */
    static Set<String> names(String exposition) {
        Set<String> names = new HashSet<>();
        for (String line : exposition.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int end = 0;
            while (end < line.length() && line.charAt(end) != '{' && line.charAt(end) != ' ') {
                end++;
            }
            names.add(line.substring(0, end));
        }
        return names;
    }

    /** The rows whose metric we define (a file of ours, not "-": Prometheus's own and the kubelet's are not here). */
    private static List<String[]> ourRows() throws Exception {
        Path file = STACK.stack().settings().repoRoot().resolve(EXPORTED);
        return Files.readAllLines(file).stream().filter(line -> !line.isBlank() && !line.startsWith("#"))
                .map(line -> line.split("\t")).filter(row -> !row[1].equals("-")).toList();
    }

    private static String componentOf(String file) {
        return COMPONENT_OF_MODULE.entrySet().stream().filter(module -> file.startsWith(module.getKey()))
                .map(Map.Entry::getValue).findFirst()
                .orElseThrow(() -> new AssertionError(file + " is in no module whose component the stack runs"));
    }

    @SuppressWarnings("unchecked")
    private static <V> Map<String, V> orderedMap(Object... keysAndValues) {
        Map<String, V> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], (V) keysAndValues[i + 1]);
        }
        return map;
    }
}
