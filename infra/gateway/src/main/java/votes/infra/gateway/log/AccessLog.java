package votes.infra.gateway.log;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import votes.kit.log.AccessLogSample;

/**
 * One JSON access-log line per request the gateway answers (a sample of them: {@link AccessLogSample}), written
 * when the answer's last byte is written or when the client leaves first. A results stream ends when its viewer
 * leaves, so its line comes then, with how long it was watched.
 */
public final class AccessLog {

    private final AccessLogSample sample;
    private final Consumer<String> sink;

    public AccessLog(AccessLogSample sample, Consumer<String> sink) {
        this.sample = sample;
        this.sink = sink;
    }

    /** Stdout, like the gateway's other lines: the stack's launcher writes it to logs/gateway.log, k8s collects it. */
    public static AccessLog toStdout(AccessLogSample sample) {
        return new AccessLog(sample, System.out::println);
    }

    /**
     * Starts timing {@code request}; its line is written once, at whichever comes first of the end of the answer
     * and the returned callback (for answers whose close handler belongs to someone else: the stream relay).
     */
    public Runnable track(HttpServerRequest request, String requestId) {
        if (!sample.keep()) {
            return () -> { };
        }
        long start = System.nanoTime();
        String method = request.method().name();
        String path = Objects.requireNonNullElse(request.path(), ""); // without the query string
        String remote = request.remoteAddress() == null ? "" : request.remoteAddress().hostAddress();
        Optional<String> traceId = TraceParent.traceId(request.getHeader(TraceParent.HEADER));
        HttpServerResponse response = request.response();
        boolean[] written = {false};
        Consumer<Boolean> write = clientLeft -> {
            if (written[0]) {
                return;
            }
            written[0] = true;
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            int status = response.headWritten() ? response.getStatusCode() : 0;
            LogLine.print(new AccessLine(method, path, status, millis, response.bytesWritten(), remote, requestId,
                    traceId, clientLeft).toJson(Instant.now()), sink);
        };
        response.bodyEndHandler(v -> write.accept(false));
        response.closeHandler(v -> write.accept(!response.ended()));
        return () -> write.accept(!response.ended());
    }
}
