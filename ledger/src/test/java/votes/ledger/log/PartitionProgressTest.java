package votes.ledger.log;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class PartitionProgressTest {

    private Instant now = Instant.parse("2026-11-29T12:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final PartitionProgress progress = new PartitionProgress(registry, clock);

    @Test
    void aPartitionRetryingItsBatchAgesUntilItAdvances() {
        assertThat(progress.oldest()).isEmpty();
        progress.started(List.of(0, 3));
        now = now.plusSeconds(40);
        // A retry of the same batch does not reset the clock.
        progress.started(List.of(3));
        assertThat(progress.oldest()).hasValueSatisfying(pending -> assertThat(pending.age()).isEqualTo(Duration.ofSeconds(40)));
        assertThat(registry.get("ledger_stuck_partition_age_seconds").gauge().value()).isEqualTo(40.0);

        progress.advanced(List.of(0, 3));
        assertThat(progress.oldest()).isEmpty();
        assertThat(registry.get("ledger_stuck_partition_age_seconds").gauge().value()).isZero();
    }

    @Test
    void theOldestPendingPartitionIsTheOneReported() {
        progress.started(List.of(1));
        now = now.plusSeconds(5);
        progress.started(List.of(2));
        now = now.plusSeconds(5);
        assertThat(progress.oldest()).hasValue(new PartitionProgress.Pending(1, Duration.ofSeconds(10)));
        progress.advanced(List.of(1));
        assertThat(progress.oldest()).hasValue(new PartitionProgress.Pending(2, Duration.ofSeconds(5)));
    }
}
