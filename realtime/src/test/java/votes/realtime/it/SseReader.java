package votes.realtime.it;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** A test's SSE client: parses the stream into frames (events and comments) on a thread of its own. */
final class SseReader implements AutoCloseable {

    /** An event ({@code event}, {@code id}, {@code data}) or a comment (only {@code comment}). */
    record Frame(String event, String id, String data, String comment) {
        long version() {
            return Long.parseLong(id);
        }

        boolean isTally() {
            return "tally".equals(event);
        }
    }

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final BlockingQueue<Frame> frames = new LinkedBlockingQueue<>();
    private final HttpResponse<Stream<String>> response;
    private final Thread reader;

    private SseReader(HttpResponse<Stream<String>> response) {
        this.response = response;
        this.reader = new Thread(this::read, "sse-reader");
        reader.setDaemon(true);
        reader.start();
    }

    static SseReader open(URI uri, String lastEventId) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Accept", "text/event-stream").GET();
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        CompletableFuture<HttpResponse<Stream<String>>> sent = CLIENT.sendAsync(request.build(),
                HttpResponse.BodyHandlers.ofLines());
        return new SseReader(sent.get(10, TimeUnit.SECONDS));
    }

    int status() {
        return response.statusCode();
    }

    String header(String name) {
        return response.headers().firstValue(name).orElse(null);
    }

    private void read() {
        String event = null;
        String id = null;
        StringBuilder data = null;
        try (Stream<String> lines = response.body()) {
            for (String line : (Iterable<String>) lines::iterator) {
                if (line.isEmpty()) {
                    if (data != null) {
                        frames.add(new Frame(event, id, data.toString(), null));
                    }
                    event = null;
                    id = null;
                    data = null;
                } else if (line.startsWith(":")) {
                    frames.add(new Frame(null, null, null, line.substring(1).trim()));
                } else if (line.startsWith("event:")) {
                    event = line.substring(6).trim();
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).trim();
                } else if (line.startsWith("data:")) {
                    data = (data == null ? new StringBuilder() : data.append('\n')).append(line.substring(5).trim());
                }
            }
        } catch (Exception closed) {
            // The test closed the stream.
        }
    }

    /** The next tally event, skipping comments, or null after {@code timeout}. */
    Frame nextTally(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            Frame frame = left <= 0 ? null : frames.poll(left, TimeUnit.NANOSECONDS);
            if (frame == null || frame.isTally()) {
                return frame;
            }
        }
    }

    /** The next comment, skipping events, or null after {@code timeout}. */
    Frame nextComment(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            Frame frame = left <= 0 ? null : frames.poll(left, TimeUnit.NANOSECONDS);
            if (frame == null || frame.comment() != null) {
                return frame;
            }
        }
    }

    /** Every tally event until one carries {@code version} (inclusive) or the time is up. */
    List<Frame> talliesUntil(long version, Duration timeout) throws InterruptedException {
        List<Frame> seen = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Frame frame = nextTally(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
            if (frame == null) {
                break;
            }
            seen.add(frame);
            if (frame.version() >= version) {
                break;
            }
        }
        return seen;
    }

    @Override
    public void close() {
        reader.interrupt();
        try {
            response.body().close();
        } catch (Exception ignored) {
            // already closed
        }
    }
}
