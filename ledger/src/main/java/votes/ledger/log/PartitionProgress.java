package votes.ledger.log;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which partitions of {@code votes.submitted} have records in hand that are not committed yet, and since when. A
 * batch normally commits in milliseconds; one that has been pending for long is a partition that does not advance
 * while it has records — stuck — whatever the cause (a database down, a record nothing could classify, a hung
 * call). Readiness ({@link StuckPartitionsCheck}) and the gauge {@code ledger_stuck_partition_age_seconds} read it.
 */
@ApplicationScoped
public class PartitionProgress {

    private final Map<Integer, Long> pendingSince = new ConcurrentHashMap<>();
    private final Clock clock;

    @Inject
    PartitionProgress(MeterRegistry registry) {
        this(registry, Clock.systemUTC());
    }

    PartitionProgress(MeterRegistry registry, Clock clock) {
        this.clock = clock;
        Gauge.builder("ledger_stuck_partition_age_seconds", this, progress -> progress.oldest()
                        .map(pending -> pending.age().toMillis() / 1000.0).orElse(0.0))
                .description("How long the oldest uncommitted batch of a votes.submitted partition has been pending")
                .register(registry);
    }

    /** A batch with records of these partitions is being written (a partition already pending keeps its start). */
    public void started(Collection<Integer> partitions) {
        long now = clock.millis();
        partitions.forEach(partition -> pendingSince.putIfAbsent(partition, now));
    }

    /** Its batch committed and was acknowledged: these partitions moved. */
    public void advanced(Collection<Integer> partitions) {
        partitions.forEach(pendingSince::remove);
    }

    /** A partition and how long it has been waiting. */
    public record Pending(int partition, Duration age) {
    }

    public Optional<Pending> oldest() {
        long now = clock.millis();
        return pendingSince.entrySet().stream().min(Map.Entry.comparingByValue())
                .map(entry -> new Pending(entry.getKey(), Duration.ofMillis(Math.max(0, now - entry.getValue()))));
    }
}
