package votes.kit.trace;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapSetter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * The trace a Kafka record continues, read from its headers with the service's own propagators (W3C by default),
 * for a span of our own where SmallRye's tracing does not reach (realtime's tally becoming SSE frames); and written
 * into a record's headers where a record bypasses SmallRye's sink (ingest's direct append). With the SDK off the
 * propagators are no-ops and this costs nothing.
 */
public final class RecordTraceContext {

    private static final TextMapGetter<Headers> HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Headers carrier) {
            List<String> keys = new ArrayList<>();
            carrier.forEach(header -> keys.add(header.key()));
            return keys;
        }

        @Override
        public String get(Headers carrier, String key) {
            Header header = carrier == null ? null : carrier.lastHeader(key);
            return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
        }
    };

    private static final TextMapSetter<Headers> HEADER_WRITER = (carrier, key, value) -> {
        if (carrier != null) {
            carrier.remove(key).add(key, value.getBytes(StandardCharsets.UTF_8));
        }
    };

    private RecordTraceContext() {
    }

    /** @return the record's trace context, or the root context when it carries none */
    public static Context of(OpenTelemetry openTelemetry, Headers headers) {
        return openTelemetry.getPropagators().getTextMapPropagator().extract(Context.root(), headers, HEADERS);
    }

    /** Writes {@code context}'s trace (traceparent, and tracestate when set) into {@code headers}. */
    public static void inject(OpenTelemetry openTelemetry, Context context, Headers headers) {
        openTelemetry.getPropagators().getTextMapPropagator().inject(context, headers, HEADER_WRITER);
    }
}
