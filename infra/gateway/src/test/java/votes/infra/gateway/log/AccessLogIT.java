package votes.infra.gateway.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import votes.infra.gateway.RecordingUpstream;
import votes.infra.gateway.RunningGateway;

/**
 * The real gateway in front of recording upstreams writes one JSON access line per request, with the request id it
 * forwarded (the client's, or one it made) and the trace of the client's traceparent, and never the query string.
 */
class AccessLogIT {

    private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String TRACEPARENT = "00-" + TRACE + "-00f067aa0ba902b7-01";
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    static final ConcurrentLinkedQueue<String> lines = new ConcurrentLinkedQueue<>();
    static RecordingUpstream ingest;
    static RecordingUpstream ledger;
    static RecordingUpstream realtime;
    static RunningGateway gateway;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @BeforeAll
    static void start() throws Exception {
        ingest = RecordingUpstream.start();
        ledger = RecordingUpstream.start();
        realtime = RecordingUpstream.start();
        gateway = RunningGateway.start(ingest.port(), ledger.port(), realtime.port(), Map.of(), lines::add);
    }

    @AfterAll
    static void stop() {
        if (gateway != null) {
            gateway.close();
        }
        List.of(ingest, ledger, realtime).forEach(RecordingUpstream::close);
    }

    @Test
    void aRequestWithATraceparentAndARequestIdIsOneJsonLineCarryingBoth() throws Exception {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(gateway.url(
                        "/api/v1/polls/p-1?token=secret-in-query"))).timeout(PATIENCE)
                .header("X-Request-Id", "rid-access-1").header("traceparent", TRACEPARENT).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(ledger.last("/api/v1/polls/p-1").header("X-Request-Id")).isEqualTo("rid-access-1");
        JsonObject line = awaitLine(l -> "rid-access-1".equals(l.getString("request_id")));
        assertThat(line.getString("trace_id")).isEqualTo(TRACE);
        assertThat(line.getString("method")).isEqualTo("GET");
        assertThat(line.getString("path")).isEqualTo("/api/v1/polls/p-1");
        assertThat(line.getInteger("status")).isEqualTo(200);
        assertThat(line.getLong("bytes")).isPositive();
        assertThat(line.getString("remote")).isEqualTo("127.0.0.1");
        assertThat(line.getString("service")).isEqualTo("gateway");
        assertThat(line.encode()).doesNotContain("secret-in-query");
    }

    @Test
    void aRequestWithoutAnIdGetsOneThatTheServiceTheAnswerAndTheLineShare() throws Exception {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(gateway.url("/api/v1/polls/p-2")))
                .timeout(PATIENCE).build(), HttpResponse.BodyHandlers.ofString());

        String forwarded = ledger.last("/api/v1/polls/p-2").header("X-Request-Id");
        assertThat(forwarded).isNotBlank();
        assertThat(answer.headers().firstValue("X-Request-Id")).hasValue(forwarded);
        JsonObject line = awaitLine(l -> forwarded.equals(l.getString("request_id")));
        assertThat(line.containsKey("trace_id")).isFalse();
    }

    @Test
    void theGatewaysOwnAnswersAreLoggedWithTheirStatus() throws Exception {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(gateway.url("/q/health/ready")))
                .timeout(PATIENCE).header("X-Request-Id", "rid-access-3").build(), HttpResponse.BodyHandlers.ofString());

        assertThat(answer.headers().firstValue("X-Request-Id")).hasValue("rid-access-3");
        assertThat(awaitLine(l -> "rid-access-3".equals(l.getString("request_id"))).getInteger("status")).isEqualTo(200);
    }

    private static JsonObject awaitLine(Predicate<JsonObject> match) {
        return await().atMost(PATIENCE).pollInterval(Duration.ofMillis(50))
                .alias("an access line matching; lines: " + lines)
                .until(() -> lines.stream().map(JsonObject::new).filter(match).findFirst(), Optional::isPresent)
                .orElseThrow();
    }
}
