package votes.projections.tally;

import java.time.Duration;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;
import votes.events.cdc.DeltaRow;

/**
 * The delta ids this task already applied, so a delta the relay delivers twice (CDC is at-least-once) is
 * counted once.
 *
 * <p>Bound: a persistent window store keyed by delta id at the delta's {@code created_at}; segments older
 * than {@code retention} behind the newest {@code created_at} seen are dropped, so the store holds about
 * deltas-per-second x retention entries (~60 B each), not every delta ever. A redelivery has the same
 * {@code created_at} as the original, so one exact-time lookup finds it. A delta older than the newest one
 * seen minus {@code retention} is treated as already applied: the ledger stamps deltas with its commit-time
 * clock and the relay delivers in commit order, so only a replay (relay restart, re-snapshot) can be that
 * late. Safe as long as {@code retention} exceeds how far back the relay can replay plus the skew between
 * the relay's partitions as this task reads them; past it, a replay is skipped, never double counted.
 */
final class AppliedDeltas {

    static final String STORE = "applied-deltas";
    static final String CLOCK_STORE = "applied-deltas-clock";
    private static final String NEWEST = "newest-created-at";

    private final WindowStore<String, Long> applied;
    private final KeyValueStore<String, Long> clock;
    private final long retentionMs;

    AppliedDeltas(WindowStore<String, Long> applied, KeyValueStore<String, Long> clock, Duration retention) {
        this.applied = applied;
        this.clock = clock;
        this.retentionMs = retention.toMillis();
    }

    static StoreBuilder<WindowStore<String, Long>> storeBuilder(Duration retention) {
        // Window size 1 ms: a window is just "this id at this created_at"; duplicates of a key are not kept.
        return Stores.windowStoreBuilder(
                Stores.persistentWindowStore(STORE, retention, Duration.ofMillis(1), false),
                Serdes.String(), Serdes.Long());
    }

    static StoreBuilder<KeyValueStore<String, Long>> clockStoreBuilder() {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(CLOCK_STORE), Serdes.String(), Serdes.Long());
    }

    /** Whether the delta was applied before (or is too old to be anything but a replay). */
    Verdict check(DeltaRow delta) {
        long at = delta.createdAt().toEpochMilli();
        Long newest = clock.get(NEWEST);
        if (newest != null && at < newest - retentionMs) {
            return Verdict.TOO_OLD;
        }
        return applied.fetch(delta.deltaId(), at) != null ? Verdict.REDELIVERED : Verdict.NEW;
    }

    /** Records the delta as applied; runs in the same Kafka transaction as the tally update. */
    void remember(DeltaRow delta) {
        long at = delta.createdAt().toEpochMilli();
        applied.put(delta.deltaId(), delta.voteCount(), at);
        Long newest = clock.get(NEWEST);
        if (newest == null || at > newest) {
            clock.put(NEWEST, at);
        }
    }

    enum Verdict {
        NEW, REDELIVERED, TOO_OLD;

        String slug() {
            return name().toLowerCase().replace('_', '-');
        }
    }
}
