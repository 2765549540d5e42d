package votes.infra.cli;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import votes.events.codec.EventCodec;
import votes.events.codec.EventCodecException;
import votes.events.poll.PollRequest;
import votes.events.poll.PollRequest.OptionRequest;
import votes.infra.launcher.LocalStack;

/** A poll to vote in right after `up`, created through the gateway like any admin would. */
final class DemoPoll {

    private static final String BODY = EventCodec.toJson(new PollRequest("Demo poll", List.of(
            new OptionRequest("a", "A"), new OptionRequest("b", "B"), new OptionRequest("c", "C")), null, null));

    private DemoPoll() {
    }

    static Optional<String> create(LocalStack stack) {
        boolean ledgerUp = stack.component("ledger").map(c -> c.isUp()).orElse(false);
        if (!ledgerUp) {
            System.out.println("warning: ledger is not running, no demo poll created");
            return Optional.empty();
        }
        String admin = stack.tokens().mint("demo-admin", List.of("admin"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(stack.settings().gatewayUrl() + "/api/v1/polls"))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + admin)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(BODY))
                .build();
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 201) {
                System.out.println("warning: demo poll not created: HTTP " + response.statusCode() + " " + response.body());
                return Optional.empty();
            }
            return Optional.of(EventCodec.decodePollView(response.body()).pollId());
        } catch (IOException | EventCodecException e) {
            System.out.println("warning: demo poll not created: " + e.getMessage());
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
