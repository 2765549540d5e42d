package votes.ingest.log;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import votes.events.vote.VoteSubmitted;
import votes.kit.trace.RecordTraceContext;

/**
 * A vote handed straight to the {@code votes-submitted} channel's own Kafka producer, on the calling event loop. The
 * channel keeps owning the producer (its configuration, readiness, metrics, close); what this skips is SmallRye's
 * sending thread, one wake-up and one hand-off per vote, and the emitter's per-message plumbing. Only for a caller
 * whose {@link DirectWindow} is open: then {@code send} only serializes and appends to the producer's batch.
 *
 * <p>SmallRye's sink would write the trace context into the record; here it is ours to write, for a sampled trace
 * only, under a producer span (the ledger continues a sampled traceparent, an unsampled one is never exported).
 */
@ApplicationScoped
class DirectAppend {

    private static final String SPAN_SUFFIX = " publish";

    private final KafkaClientService clients;
    private final String topic;
    private final OpenTelemetry openTelemetry;
    private final Tracer tracer;
    private volatile Producer<String, VoteSubmitted> producer;

    DirectAppend(KafkaClientService clients, @ConfigProperty(name = "mp.messaging.outgoing." + VoteLog.CHANNEL + ".topic")
            String topic, OpenTelemetry openTelemetry) {
        this.clients = clients;
        this.topic = topic;
        this.openTelemetry = openTelemetry;
        this.tracer = openTelemetry.getTracer(DirectAppend.class.getName());
    }

    /** @return completes when the producer settles the record: normally on the broker's ack, exceptionally else */
    CompletableFuture<Void> send(String key, VoteSubmitted vote) {
        Context context = Context.current();
        Span span = Span.fromContext(context).getSpanContext().isSampled() ? publishSpan(context) : null;
        Headers headers = null;
        if (span != null) {
            headers = new RecordHeaders();
            RecordTraceContext.inject(openTelemetry, context.with(span), headers);
        }
        CompletableFuture<Void> settled = new CompletableFuture<>();
        try {
            producer().send(new ProducerRecord<>(topic, null, key, vote, headers), (metadata, failure) -> {
                end(span, failure);
                if (failure == null) {
                    settled.complete(null);
                } else {
                    settled.completeExceptionally(failure);
                }
            });
        } catch (RuntimeException e) {
            end(span, e);
            throw e;
        }
        return settled;
    }

    private Span publishSpan(Context parent) {
        return tracer.spanBuilder(topic + SPAN_SUFFIX).setParent(parent).setSpanKind(SpanKind.PRODUCER)
                .setAttribute("messaging.system", "kafka").setAttribute("messaging.destination.name", topic)
                .startSpan();
    }

    private static void end(Span span, Throwable failure) {
        if (span == null) {
            return;
        }
        if (failure != null) {
            span.recordException(failure);
            span.setStatus(StatusCode.ERROR);
        }
        span.end();
    }

    /** Looked up at first use: the channel's sink, which creates the producer, is up by the first ack. */
    private Producer<String, VoteSubmitted> producer() {
        Producer<String, VoteSubmitted> current = producer;
        if (current == null) {
            current = clients.<String, VoteSubmitted>getProducer(VoteLog.CHANNEL).unwrap();
            producer = current;
        }
        return current;
    }
}
