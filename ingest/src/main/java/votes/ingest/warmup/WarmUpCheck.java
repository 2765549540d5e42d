package votes.ingest.warmup;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Not ready until the vote path is warm (or the warm-up gave up): a new instance gets votes once it serves them fast. */
@Readiness
@ApplicationScoped
public class WarmUpCheck implements HealthCheck {

    private final WarmUp warmUp;

    public WarmUpCheck(WarmUp warmUp) {
        this.warmUp = warmUp;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("vote-path-warm-up").status(warmUp.finished())
                .withData("votes", warmUp.votesRun()).withData("requests", warmUp.requestsRun()).build();
    }
}
