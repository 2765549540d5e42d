package votes.ledger.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged relay ({@code target/votes-cdc-relay.jar} + {@code target/lib}) as its own process, started with the
 * command the README gives, so a test can {@code kill -9} it like an operator's worst day.
 */
final class RelayProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Map<String, String> environment;
    private final Path log;
    private final int httpPort;
    private Process process;

    RelayProcess(Map<String, String> environment, Path log) {
        this.httpPort = freePort();
        this.environment = new java.util.HashMap<>(environment);
        this.environment.put("HTTP_PORT", Integer.toString(httpPort));
        this.log = log;
    }

    RelayProcess start() {
        process = launch(List.of());
        return this;
    }

    /**
     * Runs {@code CdcRelay --reset} with the relay's environment, as an operator would, and waits for it.
     *
     * @return its exit code
     */
    int reset() throws InterruptedException {
        Process reset = launch(List.of(CdcRelay.RESET));
        if (!reset.waitFor(60, TimeUnit.SECONDS)) {
            reset.destroyForcibly();
            throw new IllegalStateException("relay --reset did not finish in 60 s; see " + log);
        }
        return reset.exitValue();
    }

    private Process launch(List<String> arguments) {
        String javaCommand = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(javaCommand, "-Xmx256m", "-cp",
                "target/votes-cdc-relay.jar" + java.io.File.pathSeparator + "target/lib/*", CdcRelay.class.getName()));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(environment);
        builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        try {
            Files.createDirectories(log.getParent());
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every line the relay (and its resets) logged so far. */
    List<String> logLines() throws IOException {
        return Files.readAllLines(log);
    }

    /** Waits for {@code /q/health/ready} to answer 200 (streaming from the slot); fails at once if the relay died. */
    RelayProcess awaitReady(Duration timeout) {
        await("relay ready on /q/health/ready; see " + log).atMost(timeout).pollInterval(Duration.ofMillis(100))
                .failFast("relay exited; see " + log, () -> !process.isAlive())
                .untilAsserted(() -> assertThat(status("/q/health/ready")).as("/q/health/ready status").isEqualTo(200));
        return this;
    }

    int status(String path) {
        try {
            return HTTP.send(request(path), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    String body(String path) throws IOException, InterruptedException {
        return HTTP.send(request(path), HttpResponse.BodyHandlers.ofString()).body();
    }

    /** The value of one series of {@code /q/metrics}, e.g. {@code cdc_relay_slot_wal_status{status="lost"}}. */
    double metric(String series) throws IOException, InterruptedException {
        for (String line : body("/q/metrics").split("\n")) {
            if (line.startsWith(series + " ")) {
                return Double.parseDouble(line.substring(series.length() + 1).trim());
            }
        }
        throw new AssertionError("no series " + series + " on /q/metrics");
    }

    /** SIGKILL: no shutdown hook, no offset flush, the walsender's connection just drops. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    /**
     * SIGTERM, as {@code ./vote down} sends it: the shutdown hook closes the engine (offsets flushed, then
     * confirmed to the slot). Fails if the relay needed a SIGKILL: that would not be a graceful stop.
     */
    void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("relay did not stop within 30 s of SIGTERM; see " + log);
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    private HttpRequest request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + path))
                .timeout(Duration.ofSeconds(2)).build();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
