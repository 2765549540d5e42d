package votes.ingest.vote;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Cumulative buckets on Quarkus' HTTP server timer ({@code http_server_requests_seconds_bucket}), so Prometheus can
 * tell what share of votes took longer than the brief's 100 ms p99 (the k8s alert {@code VoteAcceptanceSlow}) and
 * a p99 across pods. Quarkus publishes only count, sum and max by default; a fixed list of service-level buckets
 * keeps the series per route and status few, where a full percentile histogram would add about seventy.
 */
@Singleton
public class LatencyBuckets {

    static final String HTTP_SERVER_TIMER = "http.server.requests";

    @Produces
    @Singleton
    MeterFilter httpServerBuckets(@ConfigProperty(name = "vote.http.latency-buckets") List<Duration> buckets) {
        double[] nanos = buckets.stream().mapToDouble(Duration::toNanos).toArray();
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (!HTTP_SERVER_TIMER.equals(id.getName())) {
                    return config;
                }
                return DistributionStatisticConfig.builder().serviceLevelObjectives(nanos).build().merge(config);
            }
        };
    }
}
