package votes.projections.tally;

import io.micrometer.core.instrument.Metrics;
import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import votes.events.cdc.DeltaRow;
import votes.events.cdc.LedgerRow;
import votes.events.cdc.PollRow;
import org.jboss.logging.Logger;
import votes.events.tally.Tally;

/**
 * Folds one poll's ledger rows into its tally, kept and published under the row's poll id (the topology let through
 * only rows keyed by it): skips deltas already applied, applies the
 * rest with {@link TallyFold}, stores the tally and forwards it when it changed. Store writes and the
 * forwarded tally commit in one Kafka transaction (exactly_once_v2), so a crash never applies a delta twice
 * nor publishes a tally the stores do not hold. A change after a quiet spell asks for that commit at once
 * ({@link QuietSpell}).
 */
final class TallyProcessor implements Processor<String, LedgerRow, String, Tally> {

    private static final Logger LOG = Logger.getLogger(TallyProcessor.class);

    private final Duration dedupRetention;
    private final QuietSpell quietSpell;
    private ProcessorContext<String, Tally> context;
    private KeyValueStore<String, Tally> tallies;
    private AppliedDeltas applied;

    /** @param quietSpell shared by the instance's tasks: a change that ends it is committed at once */
    TallyProcessor(Duration dedupRetention, QuietSpell quietSpell) {
        this.dedupRetention = dedupRetention;
        this.quietSpell = quietSpell;
    }

    @Override
    public void init(ProcessorContext<String, Tally> context) {
        this.context = context;
        this.tallies = context.getStateStore(TallyTopology.TALLIES_STORE);
        this.applied = new AppliedDeltas(context.getStateStore(AppliedDeltas.STORE),
                context.getStateStore(AppliedDeltas.CLOCK_STORE), dedupRetention);
    }

    @Override
    public void process(Record<String, LedgerRow> record) {
        boolean afterQuiet = quietSpell.ends(context.currentSystemTimeMs());
        String pollId = record.value().pollId();
        Tally current = tallies.get(pollId);
        Instant at = Instant.ofEpochMilli(record.timestamp());
        Tally next;
        if (record.value() instanceof DeltaRow delta) {
            AppliedDeltas.Verdict verdict = applied.check(delta);
            if (verdict != AppliedDeltas.Verdict.NEW) {
                Metrics.counter("projections_deltas_skipped_total", "reason", verdict.slug()).increment();
                return;
            }
            next = TallyFold.apply(current, delta, at);
            belowZero(delta, next);
            applied.remember(delta);
            Metrics.counter("projections_deltas_applied_total").increment();
        } else if (record.value() instanceof PollRow poll) {
            next = TallyFold.apply(current, poll, at);
        } else {
            return;
        }
        if (next != current) {
            tallies.put(pollId, next);
            context.forward(record.withKey(pollId).withValue(next));
            if (afterQuiet) {
                context.commit();
            }
        }
    }

    /**
     * A void's negative delta subtracts votes the ledger recorded and counted before, so an option can never go below
     * 0 in sane data. If it does, a delta was lost or reordered upstream: applied as it is (clamping would hide it and
     * make the tally disagree with the ledger's sums for good), and said loudly.
     */
    private static void belowZero(DeltaRow delta, Tally next) {
        long votes = next.votesFor(delta.optionId());
        if (votes < 0) {
            Metrics.counter("projections_tally_below_zero_total").increment();
            LOG.errorf("poll %s option %s is at %d votes after delta %s (%d): a delta is missing or out of order",
                    delta.pollId(), delta.optionId(), votes, delta.deltaId(), delta.voteCount());
        }
    }
}
