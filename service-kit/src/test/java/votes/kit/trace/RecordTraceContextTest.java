package votes.kit.trace;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.ContextPropagators;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class RecordTraceContextTest {

    private static final OpenTelemetry W3C = OpenTelemetry.propagating(
            ContextPropagators.create(W3CTraceContextPropagator.getInstance()));
    private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String SPAN = "00f067aa0ba902b7";

    @Test
    void aSampledSpanWrittenIntoHeadersIsTheTraceparentTheLedgerAndTheConsumersRead() {
        Context sampled = Context.root().with(Span.wrap(
                SpanContext.create(TRACE, SPAN, TraceFlags.getSampled(), TraceState.getDefault())));
        RecordHeaders headers = new RecordHeaders();

        RecordTraceContext.inject(W3C, sampled, headers);

        assertThat(Traceparent.sampled(headers.lastHeader(Traceparent.HEADER).value()))
                .isEqualTo("00-" + TRACE + "-" + SPAN + "-01");
        SpanContext read = Span.fromContext(RecordTraceContext.of(W3C, headers)).getSpanContext();
        assertThat(read.getTraceId()).isEqualTo(TRACE);
        assertThat(read.getSpanId()).isEqualTo(SPAN);
        assertThat(read.isSampled()).isTrue();
    }

    @Test
    void writingTwiceLeavesOneTraceparentTheLatest() {
        RecordHeaders headers = new RecordHeaders();
        RecordTraceContext.inject(W3C, Context.root().with(Span.wrap(SpanContext.create(TRACE, SPAN,
                TraceFlags.getSampled(), TraceState.getDefault()))), headers);
        String other = "1111111111111111";
        RecordTraceContext.inject(W3C, Context.root().with(Span.wrap(SpanContext.create(TRACE, other,
                TraceFlags.getSampled(), TraceState.getDefault()))), headers);

        assertThat(headers.headers(Traceparent.HEADER)).hasSize(1);
        assertThat(Traceparent.sampled(headers.lastHeader(Traceparent.HEADER).value())).contains(other);
    }

    @Test
    void aContextWithoutASpanWritesNothing() {
        RecordHeaders headers = new RecordHeaders();

        RecordTraceContext.inject(W3C, Context.root(), headers);

        assertThat(headers.toArray()).isEmpty();
    }
}
