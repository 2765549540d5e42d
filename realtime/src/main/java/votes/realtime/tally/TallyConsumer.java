package votes.realtime.tally;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.smallrye.common.annotation.NonBlocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import votes.events.codec.EventCodec;
import votes.events.tally.Tally;
import votes.kit.trace.RecordTraceContext;

/**
 * Reads {@code vote-tallies} from the beginning with a group of its own (application.properties), so every
 * instance holds every poll; the topic is compacted, so "the beginning" is about one record per poll.
 */
@ApplicationScoped
public class TallyConsumer {

    private static final Logger LOG = Logger.getLogger(TallyConsumer.class);

    /** The span of a traced tally reaching the board, whose listeners write it to every open SSE stream. */
    static final String SPAN = "vote-tallies to SSE";

    private final TallyBoard board;
    private final Counter undecodable;
    private final OpenTelemetry openTelemetry;
    private final Tracer tracer;

    TallyConsumer(TallyBoard board, MeterRegistry registry, OpenTelemetry openTelemetry) {
        this.board = board;
        this.undecodable = registry.counter("realtime_undecodable_tallies_total");
        this.openTelemetry = openTelemetry;
        this.tracer = openTelemetry.getTracer(TallyConsumer.class.getName());
    }

    // On the event loop, not a worker: Quarkus runs a void @Incoming method on a worker thread unless told, and the
    // work here is memory only (decode, the board, the feeds' timers), so each tally cost two thread hand-offs
    // (the worker woken, its feed timer handed back) for nothing.
    @NonBlocking
    @Incoming("vote-tallies")
    public void onTally(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            return; // A tombstone: a tally is never taken back, the dashboard keeps the last one it saw.
        }
        Tally tally;
        try {
            tally = EventCodec.decodeTally(record.value().getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            // One bad record must not stop every dashboard: count it, skip it.
            undecodable.increment();
            LOG.warnf("skipping undecodable tally at %s-%d@%d: %s", record.topic(), record.partition(),
                    record.offset(), e.getMessage());
            return;
        }
        if (tally.pollId() == null) {
            undecodable.increment();
            return;
        }
        accept(tally, record);
    }

    /**
     * Inside a span of the record's trace when it carries a sampled one (the relay's header from the ledger's
     * tally_deltas row, passed on by the projections): the trace of a vote ends where its tally becomes SSE frames.
     * An untraced tally (almost all of them) starts no span: a root span per tally would be noise, not a trace.
     */
    private void accept(Tally tally, ConsumerRecord<String, String> record) {
        Context parent = RecordTraceContext.of(openTelemetry, record.headers());
        if (!Span.fromContext(parent).getSpanContext().isSampled()) {
            board.accept(tally);
            return;
        }
        Span span = tracer.spanBuilder(SPAN).setParent(parent).setSpanKind(SpanKind.CONSUMER)
                .setAttribute("votes.poll_id", tally.pollId()).startSpan();
        try (Scope ignored = span.makeCurrent()) {
            span.setAttribute("votes.tally.replaced", board.accept(tally));
        } finally {
            span.end();
        }
    }
}
