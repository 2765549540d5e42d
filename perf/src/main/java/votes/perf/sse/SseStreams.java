package votes.perf.sse;

import io.vertx.core.Future;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.util.function.Consumer;

/**
 * Opens {@code GET /api/v1/polls/{id}/results/stream} on a Vert.x client (non-blocking: thousands of streams on
 * one event loop) and hands every frame to the sink, with the receive time taken when the bytes arrived.
 */
public final class SseStreams {

    /** A frame and the {@link System#nanoTime()} at which the chunk holding its end was read. */
    public record Received(SseFrames.Event event, long nanos) {
    }

    private SseStreams() {
    }

    /** Completes once the server answered 200 with the stream's headers; fails on any other status. */
    public static Future<Void> open(HttpClient client, String pollId, Consumer<Received> sink) {
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET)
                .setURI("/api/v1/polls/" + pollId + "/results/stream")
                .putHeader("Accept", "text/event-stream");
        return client.request(options).compose(req -> req.send()).compose(resp -> {
            if (resp.statusCode() != 200) {
                return resp.body().compose(b -> Future.failedFuture("stream answered " + resp.statusCode() + ": " + b));
            }
            long[] now = new long[1];
            SseFrames frames = new SseFrames(e -> sink.accept(new Received(e, now[0])));
            resp.handler(buf -> {
                now[0] = System.nanoTime();
                frames.feed(buf.getBytes());
            });
            return Future.succeededFuture();
        });
    }
}
