package votes.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/**
 * A dashboard's view of one poll: an SSE client on {@code /results/stream} that keeps every tally event
 * it got, in order, as a browser's EventSource would see them.
 */
public final class ResultsStream implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One {@code event: tally} with its {@code id:} (the version) and parsed data. */
    public record TallyEvent(long id, JsonNode data) {
    }

    private final List<TallyEvent> events = new CopyOnWriteArrayList<>();
    private final CompletableFuture<HttpResponse<Stream<String>>> response;
    private volatile Stream<String> lines;

    private ResultsStream(HttpClient http, HttpRequest request) {
        this.response = http.sendAsync(request, HttpResponse.BodyHandlers.ofLines());
        // Reading blocks for as long as the stream lives: a thread of its own, not the shared async pool
        // (one thread on a 2-core machine), so several dashboards read side by side.
        Thread reader = new Thread(() -> read(response.join()), "sse-" + request.uri().getPath());
        reader.setDaemon(true);
        reader.start();
    }

    public static ResultsStream open(String origin, String pollId, Long lastEventId) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(origin + "/api/v1/polls/" + pollId + "/results/stream"))
                .header("Accept", "text/event-stream");
        if (lastEventId != null) {
            request.header("Last-Event-ID", Long.toString(lastEventId));
        }
        return new ResultsStream(HttpClient.newHttpClient(), request.GET().build());
    }

    private void read(HttpResponse<Stream<String>> reply) {
        lines = reply.body();
        String id = null;
        StringBuilder data = new StringBuilder();
        try {
            for (String line : (Iterable<String>) lines::iterator) {
                if (line.isEmpty()) {
                    if (data.length() > 0) {
                        events.add(new TallyEvent(id == null ? -1 : Long.parseLong(id), JSON.readTree(data.toString())));
                    }
                    id = null;
                    data.setLength(0);
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).trim();
                } else if (line.startsWith("data:")) {
                    data.append(line.substring(5).trim());
                }
            }
        } catch (IOException | RuntimeException e) {
            // The stream ends when the test closes it or the service goes away; what arrived is kept.
        }
    }

    public List<TallyEvent> events() {
        return List.copyOf(events);
    }

    public TallyEvent last() {
        List<TallyEvent> all = events();
        return all.isEmpty() ? null : all.get(all.size() - 1);
    }

    @Override
    public void close() {
        Stream<String> open = lines;
        if (open != null) {
            open.close();
        }
        response.cancel(true);
    }
}
