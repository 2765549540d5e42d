package votes.ingest.overload;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/** Counts shed votes ({@code votes_shed_total{reason}}) and says when a shed client may come back. */
@ApplicationScoped
public class Shedding {

    private final Map<ShedReason, Counter> shed = new EnumMap<>(ShedReason.class);
    private final OverloadConfig config;

    public Shedding(MeterRegistry metrics, OverloadConfig config) {
        this.config = config;
        for (ShedReason reason : ShedReason.values()) {
            shed.put(reason, Counter.builder("votes.shed").tag("reason", reason.tag())
                    .description("votes answered 503 overloaded without being appended").register(metrics));
        }
    }

    public void count(ShedReason reason) {
        shed.get(reason).increment();
    }

    public Duration retryAfter() {
        return config.retryAfter();
    }

    /** The deadline of a request that reached the router at {@code arrivedNanos}. */
    public Deadline deadlineFrom(long arrivedNanos) {
        return Deadline.after(arrivedNanos, config.deadline());
    }
}
