package votes.ingest.log;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import votes.events.vote.VoteSubmitted;
import votes.kit.trace.RecordTraceContext;

/**
 * A vote handed to Kafka from the request's event loop, skipping SmallRye's sending thread (one wake-up and one
 * hand-off per vote) and the emitter's per-message plumbing. Its own producer, configured as the
 * {@code votes-submitted} channel's, with one difference: {@code max.block.ms=0}. {@code KafkaProducer.send} waits
 * only for topic metadata it lacks (before its first send, after a restarting broker answered without the topic) or
 * for buffer space; here both fail the send at once instead, the record not appended, and {@link #send} answers null:
 * that vote takes the channel, whose thread may wait. An event loop never waits on the producer.
 *
 * <p>SmallRye's sink writes the trace into the record; here a sampled trace gets a producer span and its traceparent
 * from us (the ledger continues a sampled traceparent; an unsampled one is never exported).
 */
@ApplicationScoped
class DirectAppend {

    private static final Logger LOG = Logger.getLogger(DirectAppend.class);
    private static final String SPAN_SUFFIX = " publish";
    private static final String CLIENT_ID_SUFFIX = "-direct";

    private final KafkaClientService clients;
    private final String topic;
    private final boolean enabled;
    private final OpenTelemetry openTelemetry;
    private final Tracer tracer;
    private final MeterRegistry metrics;
    private volatile Producer<String, VoteSubmitted> producer;
    private KafkaClientMetrics producerMetrics;

    DirectAppend(KafkaClientService clients, VoteLogConfig config, OpenTelemetry openTelemetry, MeterRegistry metrics,
                 @ConfigProperty(name = "mp.messaging.outgoing." + VoteLog.CHANNEL + ".topic") String topic) {
        this.clients = clients;
        this.topic = topic;
        this.enabled = config.direct();
        this.openTelemetry = openTelemetry;
        this.tracer = openTelemetry.getTracer(DirectAppend.class.getName());
        this.metrics = metrics;
    }

    /** After SmallRye's start (its observer runs first), which made the channel's producer whose settings we copy. */
    void start(@Observes StartupEvent started) {
        if (!enabled) {
            return;
        }
        Map<String, Object> settings = new HashMap<>(clients.getProducer(VoteLog.CHANNEL).configuration());
        settings.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 0);
        // SmallRye names every client it makes; its metrics and ours must not share a name.
        settings.put(ProducerConfig.CLIENT_ID_CONFIG, settings.get(ProducerConfig.CLIENT_ID_CONFIG) + CLIENT_ID_SUFFIX);
        KafkaProducer<String, VoteSubmitted> created = new KafkaProducer<>(settings);
        producerMetrics = new KafkaClientMetrics(created);
        producerMetrics.bindTo(metrics);
        try {
            created.partitionsFor(topic); // with max.block.ms=0 this only asks for the metadata, and fails
        } catch (KafkaException e) {
            LOG.debugf("topic %s's metadata requested for the direct producer: %s", topic, e.toString());
        }
        producer = created;
    }

    /**
     * @return completes when the producer settles the record: normally on the broker's ack, exceptionally else; null
     *         when the producer did not take the record (no metadata or buffer yet, or direct sends off): send it
     *         through the channel
     */
    CompletableFuture<Void> send(String key, VoteSubmitted vote) {
        Producer<String, VoteSubmitted> current = producer;
        if (current == null) {
            return null;
        }
        Context context = Context.current();
        Span span = Span.fromContext(context).getSpanContext().isSampled() ? publishSpan(context) : null;
        Headers headers = null;
        if (span != null) {
            headers = new RecordHeaders();
            RecordTraceContext.inject(openTelemetry, context.with(span), headers);
        }
        CompletableFuture<Void> settled = new CompletableFuture<>();
        try {
            current.send(new ProducerRecord<>(topic, null, key, vote, headers), (metadata, failure) -> {
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
        // A record the producer appended settles only on the broker's answer, so one that has failed already was
        // refused before it was appended (the producer's own checks, at max.block.ms=0): the channel may send it.
        if (settled.isCompletedExceptionally()) {
            end(span, null);
            return null;
        }
        settled.whenComplete((ignored, failure) -> end(span, failure));
        return settled;
    }

    @PreDestroy
    void close() {
        Producer<String, VoteSubmitted> current = producer;
        producer = null;
        if (current != null) {
            current.close(); // sends what it holds, as the channel's producer does on its close
            producerMetrics.close();
        }
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
}
