package votes.ledger.log;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness goes down while a partition of {@code votes.submitted} has had records in hand for longer than
 * {@code ledger.stuck-after} without committing them: a green ledger that records nothing is worse than a red one.
 */
@Readiness
@ApplicationScoped
public class StuckPartitionsCheck implements HealthCheck {

    private final PartitionProgress progress;
    private final Duration stuckAfter;

    StuckPartitionsCheck(PartitionProgress progress, @ConfigProperty(name = "ledger.stuck-after") Duration stuckAfter) {
        this.progress = progress;
        this.stuckAfter = stuckAfter;
    }

    @Override
    public HealthCheckResponse call() {
        Optional<PartitionProgress.Pending> oldest = progress.oldest();
        boolean stuck = oldest.isPresent() && oldest.get().age().compareTo(stuckAfter) > 0;
        var response = HealthCheckResponse.named("votes.submitted partitions advance").status(!stuck)
                .withData("stuck-after-seconds", stuckAfter.toSeconds());
        oldest.ifPresent(pending -> response.withData("oldest-pending-partition", pending.partition())
                .withData("oldest-pending-seconds", pending.age().toSeconds()));
        return response.build();
    }
}
