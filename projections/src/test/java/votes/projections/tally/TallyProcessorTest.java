package votes.projections.tally;

import static org.assertj.core.api.Assertions.assertThat;
import static votes.projections.tally.TallyDriver.T0;

import java.time.Duration;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import votes.events.cdc.LedgerRows;
import votes.events.cdc.PollRow;
import votes.events.codec.TallyDeserializer;
import votes.events.codec.TallySerializer;
import votes.events.tally.Tally;

/**
 * When the tally processor asks Streams to commit at once (its folding rules: TallyTopologyTest). Fed poll rows: the
 * delta path's window store cannot run on MockProcessorContext, and the commit rule is the same for every change.
 */
class TallyProcessorTest {

    private final QuietSpell quietSpell = new QuietSpell(Duration.ofMillis(100));
    private final MockProcessorContext<String, Tally> context = new MockProcessorContext<>();
    private final TallyProcessor processor = new TallyProcessor(Duration.ofHours(24), quietSpell);
    private int titles;

    @BeforeEach
    void init() {
        init(processor, context);
    }

    private static void init(TallyProcessor processor, MockProcessorContext<String, Tally> context) {
        StateStore tallies = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(TallyTopology.TALLIES_STORE),
                        Serdes.String(), Serdes.serdeFrom(new TallySerializer(), new TallyDeserializer()))
                .withLoggingDisabled().withCachingDisabled().build();
        tallies.init(context.getStateStoreContext(), tallies);
        context.addStateStore(tallies);
        processor.init(context);
    }

    @Test
    void aChangeAfterAQuietSpellAsksForItsCommitAtOnce() {
        assertThat(changeAt(0)).as("the first row").isTrue();
        assertThat(changeAt(40)).as("40 ms later: Streams' interval commits it").isFalse();
        assertThat(changeAt(140)).as("after a spell of 100 ms").isTrue();
        assertThat(context.forwarded()).hasSize(3);
    }

    @Test
    void aSteadyFlowLeavesTheCommitsToStreamsInterval() {
        changeAt(0);
        long asked = 0;
        for (long at = 20; at <= 10_000; at += 20) {
            asked += changeAt(at) ? 1 : 0;
        }
        assertThat(asked).isZero();
        assertThat(context.forwarded()).hasSize(501);
    }

    @Test
    void theSpellIsTheInstancesNotATasks() {
        MockProcessorContext<String, Tally> otherTask = new MockProcessorContext<>();
        TallyProcessor other = new TallyProcessor(Duration.ofHours(24), quietSpell);
        init(other, otherTask);
        changeAt(0);
        otherTask.setCurrentSystemTimeMs(40);
        other.process(new Record<>("p2", pollRow("Other"), T0.toEpochMilli() + 40));
        assertThat(otherTask.forwarded()).hasSize(1);
        assertThat(otherTask.committed()).as("another task's row 40 ms before").isFalse();
    }

    @Test
    void aRowThatChangesNothingAsksForNoCommit() {
        PollRow row = pollRow("Fruit");
        process(row, 0);
        context.resetCommit();
        context.resetForwards();
        process(row, 1_000);
        assertThat(context.forwarded()).as("the same row again changes nothing").isEmpty();
        assertThat(context.committed()).isFalse();
    }

    /** @return whether a change at {@code atMs} (the poll retitled) asked for a commit */
    private boolean changeAt(long atMs) {
        context.resetCommit();
        process(pollRow("Fruit " + ++titles), atMs);
        return context.committed();
    }

    private void process(PollRow row, long atMs) {
        context.setCurrentSystemTimeMs(atMs);
        processor.process(new Record<>(row.pollId(), row, T0.toEpochMilli() + atMs));
    }

    private static PollRow pollRow(String title) {
        return LedgerRows.poll("{\"poll_id\":\"p1\",\"title\":\"" + title + "\",\"options\":\"[{\\\"id\\\":\\\"a\\\","
                + "\\\"label\\\":\\\"A\\\"}]\",\"opens_at\":null,\"closes_at\":null,\"closed_at\":null,"
                + "\"created_at\":\"" + T0 + "\"}");
    }
}
