package votes.ingest.fastpath;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Whether the fast path is degraded: its last round trip failed or timed out, so duplicates are left to the ledger
 * and rate limits are kept in process (per instance). One WARN per change of state, not per vote: a Redis outage
 * under load would otherwise log thousands of lines a second. Gauge {@code ingest_fast_path_degraded} (0/1).
 */
@ApplicationScoped
public class FastPathHealth {

    private static final Logger LOG = Logger.getLogger(FastPathHealth.class);

    private final AtomicBoolean degraded = new AtomicBoolean();

    public FastPathHealth(MeterRegistry metrics) {
        Gauge.builder("ingest.fast.path.degraded", degraded, d -> d.get() ? 1 : 0)
                .description("1 while Redis does not answer the vote fast path: rate limits are per instance")
                .register(metrics);
    }

    public boolean degraded() {
        return degraded.get();
    }

    void answered() {
        if (degraded.compareAndSet(true, false)) {
            LOG.warn("vote fast path recovered: Redis answers again; rate limits are shared by the fleet again");
        }
    }

    void failed(Throwable failure) {
        if (degraded.compareAndSet(false, true)) {
            LOG.warnf("vote fast path degraded: Redis did not answer (%s); rate limits are kept per instance (a fleet "
                    + "of N admits up to N times each limit) and the ledger decides duplicates", failure.toString());
        }
    }
}
