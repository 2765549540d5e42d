package votes.perf.soak;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Consumer lag of the stack's groups, as {@code kafka-consumer-groups --describe} counts it: per partition the log end
 * minus the group's committed offset, summed over the group. Read from outside, so the figure does not depend on
 * what each service's metrics export.
 */
final class GroupLag implements AutoCloseable {

    /** A sample is skipped rather than the run stalled when the broker is slow to answer (it is loaded by design). */
    private static final long ANSWER_SECONDS = 20;

    private final Admin admin;
    private final List<String> groups;

    GroupLag(String bootstrap, Properties login, List<String> groups) {
        Properties p = new Properties();
        p.putAll(login);
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        this.admin = Admin.create(p);
        this.groups = List.copyOf(groups);
    }

    /** Each group's lag in records; a group that has committed nothing yet is left out. */
    Map<String, Long> read() throws InterruptedException {
        Map<String, Long> lags = new LinkedHashMap<>();
        try {
            for (String group : groups) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata().get(ANSWER_SECONDS, TimeUnit.SECONDS);
                committed.values().removeIf(java.util.Objects::isNull);
                if (committed.isEmpty()) {
                    continue;
                }
                Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
                committed.keySet().forEach(tp -> latest.put(tp, OffsetSpec.latest()));
                var ends = admin.listOffsets(latest).all().get(ANSWER_SECONDS, TimeUnit.SECONDS);
                long lag = 0;
                for (var e : committed.entrySet()) {
                    lag += Math.max(0, ends.get(e.getKey()).offset() - e.getValue().offset());
                }
                lags.put(group, lag);
            }
        } catch (ExecutionException | TimeoutException e) {
            System.err.println("consumer lag not read this time: " + e);
        }
        return lags;
    }

    @Override
    public void close() {
        admin.close();
    }
}
