package votes.system.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import votes.infra.test.VoteStackExtension;
import votes.infra.trace.ZipkinServer;
import votes.system.VotesApi;
import votes.system.VotesApi.Reply;
import votes.system.log.ServiceLogs;

/**
 * Issue 14's "done when" for traces and logs: with the stack's trace backend up (what {@code ./vote up
 * --observability} starts), a vote sent through the gateway with a sampled W3C traceparent is one trace in the
 * backend, with spans of ingest (HTTP and the Kafka append), the ledger (its consumer) and realtime (the tally's
 * consumer, reached through the tally_deltas row, the relay's record header and the projections' aggregation); and
 * what an operator greps for after it (the stack's packaged jars: the prod profile): the gateway's access line and
 * ingest's, both JSON, joined by the request id the client sent, both with the trace id, ingest's with the poll, and
 * no line of ingest's carrying the voter's token. One stack for both: a stack start is most of such a test's time.
 */
class ASampledVoteIsOneTraceIT {

    @RegisterExtension
    static final VoteStackExtension STACK = new VoteStackExtension();

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final SecureRandom RANDOM = new SecureRandom();

    static ZipkinServer traces;
    static VotesApi api;

    @BeforeAll
    static void theSharedStackTraces() {
        // Up from the start when the suite sets votes.test-stack.traces (its pom does); otherwise started now, and the
        // services restarted to export to it, for the rest of this JVM.
        traces = STACK.stack().withTraces().localStack().traces();
        api = new VotesApi(STACK.url());
    }

    @Test
    void aVoteWithASampledTraceparentIsOneTraceWithSpansOfIngestTheLedgerAndRealtime() {
        // Two voters one after the other: ingest writes the trace into the record itself on its direct path, SmallRye's
        // sink on the channel's, which a vote takes while the direct producer still lacks the topic's metadata (right
        // after a start). The second vote goes direct whichever way the first went. A poll each: two votes of one poll
        // that close together become one merged tally, which carries only the later vote's trace on to realtime
        // (projections/README, "Traces"), and CI once saw the earlier trace end at the ledger that way. The poll's
        // own zero tally is such a change too: the vote waits until it is published, or the two may merge (CI saw the
        // first vote's trace end at the ledger right after a whole-stack restart, whose relay reads in larger batches).
        List<String> urls = new ArrayList<>();
        for (String voter : List.of("traced-voter", "traced-voter-2")) {
            String pollId = api.createPoll(STACK.token("admin-1", "admin"), "Traced " + voter, "a", "b");
            await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> api.results(pollId).status() == 200);
            String traceId = HexFormat.of().formatHex(RANDOM.generateSeed(16));
            String traceparent = "00-" + traceId + "-" + HexFormat.of().formatHex(RANDOM.generateSeed(8)) + "-01";
            Reply accepted = api.send(api.request("/api/v1/polls/" + pollId + "/votes")
                    .header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + STACK.token(voter))
                    .header("traceparent", traceparent)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"optionId\":\"a\"}")).build());
            assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
            urls.add(traces.traceQueryUrl().replace("{traceId}", traceId));
        }

        // Spans leave each service in batches (every few seconds) and the tally takes the relay and the projections'
        // commit interval: generous, on a loaded machine.
        for (String url : urls) {
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() ->
                    assertThat(serviceNames(url)).as(url).contains("votes-ingest", "votes-ledger", "votes-realtime"));
        }
    }

    @Test
    void aVoteWithARequestIdAndATraceparentIsOneJsonAccessLineAtTheGatewayAndOneAtIngestBothWithTheTraceId() {
        String pollId = api.createPoll(STACK.token("admin-2", "admin"), "Logged", "a", "b");
        String trace = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
        String requestId = "it-access-" + UUID.randomUUID();
        String token = STACK.token("carol-logged");
        Reply answered = api.send(api.request("/api/v1/polls/" + pollId + "/votes")
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                .header("X-Request-Id", requestId).header("traceparent", "00-" + trace + "-b7ad6b7169203331-01")
                .POST(HttpRequest.BodyPublishers.ofString("{\"optionId\":\"a\"}")).build());

        // Whatever the answer (a cold stack may shed its first vote: 503), both lines must say it.
        int status = answered.status();
        assertThat(status).isIn(202, 503);
        assertThat(answered.header("X-Request-Id")).isEqualTo(requestId);

        ServiceLogs logs = new ServiceLogs(STACK.stack().settings());
        JsonNode gateway = logs.awaitLine("gateway", line -> requestId.equals(line.path("request_id").asText()));
        assertThat(gateway.path("trace_id").asText()).isEqualTo(trace);
        assertThat(gateway.path("status").asInt()).isEqualTo(status);
        assertThat(gateway.path("duration_ms").isIntegralNumber()).isTrue();
        assertThat(gateway.path("path").asText()).isEqualTo("/api/v1/polls/" + pollId + "/votes");

        JsonNode ingest = logs.awaitLine("ingest", line -> "io.quarkus.http.access-log".equals(line.path("logger").asText())
                && requestId.equals(line.path("mdc").path("request_id").asText()));
        assertThat(ingest.path("service").asText()).isEqualTo("votes-ingest");
        assertThat(ingest.path("level").asText()).isEqualTo("INFO");
        assertThat(ingest.path("timestamp").asText()).isNotBlank();
        assertThat(ingest.path("mdc").path("poll_id").asText()).isEqualTo(pollId);
        // Tracing is on here: the span's trace id is in the line's context, the client's header in its message.
        assertThat(ingest.path("mdc").path("trace_id").asText()).isEqualTo(trace);
        assertThat(ingest.path("message").asText()).contains("method=POST", "status=" + status,
                "request_id=" + requestId, trace).containsPattern("duration_ms=\\d+ ");
        assertThat(logs.lines("ingest")).noneMatch(line -> line.contains(token));
    }

    /** The services with a span in the trace (Zipkin's localEndpoint.serviceName), none while it has no span. */
    private static Set<String> serviceNames(String traceUrl) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(traceUrl))
                .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
        Set<String> names = new TreeSet<>();
        if (response.statusCode() == 200) {
            for (JsonNode span : JSON.readTree(response.body())) {
                names.add(span.path("localEndpoint").path("serviceName").asText());
            }
        }
        return names;
    }
}
