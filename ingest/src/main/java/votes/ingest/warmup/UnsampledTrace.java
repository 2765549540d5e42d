package votes.ingest.warmup;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A trace whose sampled flag is off, for work done in it to be left out of tracing: the services sample
 * {@code parentbased}, so every span under a parent that is not sampled is not sampled either, locally (the Redis
 * client's) and across a request (the {@code traceparent} carries the flag to the server).
 */
final class UnsampledTrace {

    private UnsampledTrace() {
    }

    /** A new trace (random, so valid: an all-zero id would read as no parent, and the sampler would roll its dice). */
    static Context context() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String traceId = HexFormat.of().toHexDigits(random.nextLong() | 1) + HexFormat.of().toHexDigits(random.nextLong());
        String spanId = HexFormat.of().toHexDigits(random.nextLong() | 1);
        return Context.root().with(Span.wrap(
                SpanContext.create(traceId, spanId, TraceFlags.getDefault(), TraceState.getDefault())));
    }
}
