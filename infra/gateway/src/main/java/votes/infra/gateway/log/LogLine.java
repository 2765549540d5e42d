package votes.infra.gateway.log;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * The gateway's log lines: one JSON object per line on stdout, with the fields the services' JSON logs have
 * (timestamp, level, logger, message, service), so one query reads the gateway's lines and theirs alike. The gateway
 * has no logging framework: Vert.x's own warnings go to JUL, everything it says itself goes through here.
 */
public final class LogLine {

    static final String SERVICE = "gateway";

    private LogLine() {
    }

    static final String LOGGER = "votes.infra.gateway";

    /** A line of the gateway's own (start, refused clients). */
    public static void info(String message) {
        print(base(Instant.now(), "INFO", LOGGER).put("message", message), System.out::println);
    }

    /** Something an operator should fix (a limit below what the configuration needs). */
    public static void warn(String message) {
        print(base(Instant.now(), "WARN", LOGGER).put("message", message), System.out::println);
    }

    static JsonObject base(Instant at, String level, String logger) {
        return new JsonObject().put("timestamp", at.toString()).put("level", level).put("logger", logger)
                .put("service", SERVICE);
    }

    static void print(JsonObject line, Consumer<String> sink) {
        sink.accept(line.encode());
    }
}
