package votes.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

/** The public HTTP API as a voter, an admin or an auditor sees it through the gateway. */
public final class VotesApi {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final String origin;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public VotesApi(String origin) {
        this.origin = origin;
    }

    /** Creates an open poll with the given option ids and returns its id. */
    public String createPoll(String adminToken, String title, String... optionIds) {
        StringBuilder options = new StringBuilder();
        for (String id : optionIds) {
            options.append(options.isEmpty() ? "" : ",").append("{\"id\":\"").append(id).append("\",\"label\":\"")
                    .append(id.toUpperCase()).append("\"}");
        }
        Reply reply = send(post("/api/v1/polls", adminToken, "{\"title\":\"" + title + "\",\"options\":[" + options + "]}"));
        if (reply.status() != 201) {
            throw new AssertionError("creating a poll answered " + reply.status() + ": " + reply.body());
        }
        return reply.json().get("pollId").asText();
    }

    public Reply closePoll(String adminToken, String pollId) {
        return send(post("/api/v1/polls/" + pollId + "/close", adminToken, ""));
    }

    public Reply vote(String token, String pollId, String optionId) {
        return send(voteRequest(token, pollId, optionId, null));
    }

    public Reply vote(String token, String pollId, String optionId, String idempotencyKey) {
        return send(voteRequest(token, pollId, optionId, idempotencyKey));
    }

    public CompletableFuture<Reply> voteAsync(String token, String pollId, String optionId) {
        return http.sendAsync(voteRequest(token, pollId, optionId, null), HttpResponse.BodyHandlers.ofString())
                .thenApply(Reply::of);
    }

    public Reply results(String pollId) {
        return send(request("/api/v1/polls/" + pollId + "/results").GET().build());
    }

    public Reply receipt(String token, String receiptId) {
        return send(HttpRequest.newBuilder(URI.create(origin + "/api/v1/receipts/" + receiptId)).timeout(TIMEOUT)
                .header("Authorization", "Bearer " + token).GET().build());
    }

    /** Any request, for the error rows that need an odd shape. */
    public Reply send(HttpRequest request) {
        try {
            return Reply.of(http.send(request, HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(origin + path)).timeout(TIMEOUT);
    }

    private HttpRequest voteRequest(String token, String pollId, String optionId, String idempotencyKey) {
        HttpRequest.Builder request = post("/api/v1/polls/" + pollId + "/votes", token, "{\"optionId\":\"" + optionId + "\"}");
        return idempotencyKey == null ? request.build() : request.header("Idempotency-Key", idempotencyKey).build();
    }

    private HttpRequest.Builder post(String path, String token, String body) {
        HttpRequest.Builder request = request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        return token == null ? request : request.header("Authorization", "Bearer " + token);
    }

    private Reply send(HttpRequest.Builder request) {
        return send(request.build());
    }

    /** A results document's counts per option, options with no vote left out (as a GROUP BY would). */
    public static Map<String, Long> votesByOption(JsonNode results) {
        Map<String, Long> votes = new TreeMap<>();
        results.get("options").forEach(option -> {
            long count = option.get("votes").asLong();
            if (count > 0) {
                votes.put(option.get("optionId").asText(), count);
            }
        });
        return votes;
    }

    /** A response with its body read. */
    public record Reply(int status, String body, HttpResponse<String> raw) {

        static Reply of(HttpResponse<String> response) {
            return new Reply(response.statusCode(), response.body(), response);
        }

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON (" + status + "): " + body, e);
            }
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }
}
