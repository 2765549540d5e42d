package votes.perf.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import votes.events.codec.EventCodec;
import votes.events.poll.PollRequest;
import votes.events.poll.PollRequest.OptionRequest;

/** Creates open polls through the admin API (POST /api/v1/polls), before any load phase. */
public final class AdminPolls {

    private static final List<OptionRequest> OPTIONS = List.of(new OptionRequest("a", "A"), new OptionRequest("b", "B"));

    private AdminPolls() {
    }

    public static List<String> create(String baseUrl, String adminToken, int count, String titlePrefix) {
        URI base = LoopbackOnly.check(baseUrl);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String body = EventCodec.toJson(new PollRequest(titlePrefix + " " + i, OPTIONS, null, null));
            HttpRequest request = HttpRequest.newBuilder(base.resolve("/api/v1/polls"))
                    .timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + adminToken)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 201) {
                    throw new IllegalStateException("POST /api/v1/polls answered " + response.statusCode() + ": "
                            + response.body());
                }
                ids.add(EventCodec.decodePollView(response.body()).pollId());
            } catch (IOException e) {
                throw new IllegalStateException("Cannot create a poll at " + base + ": " + e, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
        return ids;
    }
}
