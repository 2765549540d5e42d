package votes.system.log;

import static org.assertj.core.api.Assertions.assertThat;
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
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import votes.infra.test.VoteStackExtension;
import votes.system.VotesApi;
import votes.system.VotesApi.Reply;

/**
 * What an operator greps for after a vote through the stack's packaged jars (the prod profile): the gateway's
 * access line and ingest's, both JSON, joined by the request id the client sent; the gateway's with the trace of the
 * client's traceparent, ingest's with the poll; and no line of ingest's carrying the voter's token.
 */
class AccessLinesIT {

    @RegisterExtension
    static final VoteStackExtension STACK = new VoteStackExtension();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String TRACE = "0af7651916cd43dd8448eb211c80319c";

    static VotesApi api;
    static String pollId;

    @BeforeAll
    static void openAPoll() {
        api = new VotesApi(STACK.url());
        pollId = api.createPoll(STACK.token("admin-1", "admin"), "Logged", "a", "b");
    }

    @Test
    void aVoteWithARequestIdAndATraceparentIsOneJsonAccessLineAtTheGatewayAndOneAtIngest() {
        String requestId = "it-access-" + UUID.randomUUID();
        String token = STACK.token("carol-logged");
        Reply accepted = api.send(api.request("/api/v1/polls/" + pollId + "/votes")
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                .header("X-Request-Id", requestId).header("traceparent", "00-" + TRACE + "-b7ad6b7169203331-01")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"optionId\":\"a\"}")).build());

        // Whatever the answer (a cold stack may shed its first vote: 503), both lines must say it.
        int status = accepted.status();
        assertThat(status).isIn(202, 503);
        assertThat(accepted.header("X-Request-Id")).isEqualTo(requestId);

        JsonNode gateway = awaitLine("gateway", line -> requestId.equals(line.path("request_id").asText()));
        assertThat(gateway.path("trace_id").asText()).isEqualTo(TRACE);
        assertThat(gateway.path("status").asInt()).isEqualTo(status);
        assertThat(gateway.path("duration_ms").isIntegralNumber()).isTrue();
        assertThat(gateway.path("path").asText()).isEqualTo("/api/v1/polls/" + pollId + "/votes");

        JsonNode ingest = awaitLine("ingest", line -> "io.quarkus.http.access-log".equals(line.path("logger").asText())
                && requestId.equals(line.path("mdc").path("request_id").asText()));
        assertThat(ingest.path("service").asText()).isEqualTo("votes-ingest");
        assertThat(ingest.path("level").asText()).isEqualTo("INFO");
        assertThat(ingest.path("timestamp").asText()).isNotBlank();
        assertThat(ingest.path("mdc").path("poll_id").asText()).isEqualTo(pollId);
        assertThat(ingest.path("message").asText()).contains("method=POST", "status=" + status,
                "request_id=" + requestId, TRACE).containsPattern("duration_ms=\\d+ ");
        assertThat(lines("ingest")).noneMatch(line -> line.contains(token));
    }

    private static JsonNode awaitLine(String component, Predicate<JsonNode> match) {
        // Exceptions ignored: the last line may be half written when it is read.
        return await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200)).ignoreExceptions().until(() -> lines(component).stream()
                .filter(line -> line.startsWith("{")).map(AccessLinesIT::parse).filter(match).findFirst(),
                Optional::isPresent).orElseThrow();
    }

    private static List<String> lines(String component) {
        Path log = STACK.stack().settings().logFile(component);
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
