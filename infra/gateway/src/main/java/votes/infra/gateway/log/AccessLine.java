package votes.infra.gateway.log;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Optional;

/**
 * What the gateway says about one request it answered: the path without its query string (a secret in a query
 * must not reach a log), the status (0 when the client left before any answer), the body bytes sent, the TCP peer,
 * the request id the gateway forwarded and answered with, the trace of the client's traceparent when it sent one.
 */
public record AccessLine(String method, String path, int status, long durationMillis, long bytes, String remote,
                         String requestId, Optional<String> traceId, boolean clientLeft) {

    static final String LOGGER = "access";

    public JsonObject toJson(Instant at) {
        JsonObject line = LogLine.base(at, "INFO", LOGGER)
                .put("message", method + " " + path + " " + status)
                .put("method", method).put("path", path).put("status", status).put("duration_ms", durationMillis)
                .put("bytes", bytes).put("remote", remote).put("request_id", requestId);
        traceId.ifPresent(id -> line.put("trace_id", id));
        if (clientLeft) {
            line.put("client_left", true);
        }
        return line;
    }
}
