package votes.infra.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import votes.events.codec.EventCodec;
import votes.events.codec.EventCodecException;
import votes.events.poll.PollRequest;
import votes.events.poll.PollRequest.OptionRequest;
import votes.events.poll.PollStatus;
import votes.infra.launcher.LocalStack;

/**
 * A poll to vote in right after `up`, created through the gateway like any admin would — once per stack home: its id
 * is kept with the stack's data, and a later `up` reuses it while the ledger still serves it open (a stack that was
 * brought down and up again is the same election, not a new poll per start).
 */
final class DemoPoll {

    private static final String BODY = EventCodec.toJson(new PollRequest("Demo poll", List.of(
            new OptionRequest("a", "A"), new OptionRequest("b", "B"), new OptionRequest("c", "C")), null, null));

    private DemoPoll() {
    }

    /** The stack's demo poll: the one an earlier `up` created if it is still open, else a new one. */
    static Optional<String> ensure(LocalStack stack) {
        boolean ledgerUp = stack.component("ledger").map(c -> c.isUp()).orElse(false);
        if (!ledgerUp) {
            System.out.println("warning: ledger is not running, no demo poll created");
            return Optional.empty();
        }
        Path remembered = stack.settings().dataDir("cli").resolve("demo-poll");
        Optional<String> kept = read(remembered).filter(id -> isOpen(stack, id));
        if (kept.isPresent()) {
            return kept;
        }
        Optional<String> created = create(stack);
        created.ifPresent(id -> write(remembered, id));
        return created;
    }

    private static boolean isOpen(LocalStack stack, String pollId) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(stack.settings().gatewayUrl() + "/api/v1/polls/" + pollId))
                .timeout(Duration.ofSeconds(10)).GET().build();
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200
                    && PollStatus.OPEN.slug().equals(EventCodec.decodePollView(response.body()).status());
        } catch (IOException | EventCodecException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static Optional<String> read(Path remembered) {
        try {
            return Files.isRegularFile(remembered) ? Optional.of(Files.readString(remembered).strip())
                    .filter(id -> !id.isEmpty()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static void write(Path remembered, String pollId) {
        try {
            Files.createDirectories(remembered.getParent());
            Files.writeString(remembered, pollId + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the demo poll's id in " + remembered, e);
        }
    }

    private static Optional<String> create(LocalStack stack) {
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
