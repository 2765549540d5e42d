package votes.ledger.vote;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import votes.events.rule.RejectionReason;

/**
 * The ledger's own meters. Counters count rows a committed transaction inserted, so they agree with the tables
 * however often a batch was retried or redelivered. Consumer lag comes from the Kafka client's metrics
 * ({@code kafka_consumer_fetch_manager_records_lag_max}), which Quarkus binds to the same registry; undecodable
 * records are counted by {@link votes.ledger.log.UndecodableRecords}.
 */
@ApplicationScoped
public class LedgerMetrics {

    private final Counter recorded;
    private final Map<RejectionReason, Counter> rejected = new EnumMap<>(RejectionReason.class);
    private final DistributionSummary batchSize;
    private final Counter split;
    private final Map<BatchPhase, Timer> phases = new EnumMap<>(BatchPhase.class);

    LedgerMetrics(MeterRegistry registry) {
        this.recorded = Counter.builder("votes_recorded_total")
                .description("Votes the ledger recorded").register(registry);
        for (RejectionReason reason : RejectionReason.values()) {
            rejected.put(reason, Counter.builder("votes_rejected_total").tag("reason", reason.slug())
                    .description("Votes the ledger refused, by reason").register(registry));
        }
        this.batchSize = DistributionSummary.builder("ledger_batch_size")
                .description("Records per consumed votes.submitted batch").register(registry);
        this.split = Counter.builder("ledger_batches_split_total")
                .description("votes.submitted batches written as two transactions at once (LEDGER_SPLIT_AT)")
                .register(registry);
        for (BatchPhase phase : BatchPhase.values()) {
            phases.put(phase, Timer.builder("ledger_batch_phase_seconds").tag("phase", phase.tag())
                    .description("Wall time of one votes.submitted batch, by phase").register(registry));
        }
    }

    public void phase(BatchPhase phase, long nanos) {
        phases.get(phase).record(nanos, TimeUnit.NANOSECONDS);
    }

    public void batch(int size) {
        batchSize.record(size);
    }

    public void split() {
        split.increment();
    }

    public void committed(BatchOutcome outcome) {
        recorded.increment(outcome.recorded());
        outcome.newRejections().forEach(reason -> rejected.get(reason).increment());
    }
}
