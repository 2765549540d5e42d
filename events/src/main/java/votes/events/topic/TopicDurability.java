package votes.events.topic;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What "the log is forever" means for a topic of record, as topic configs, and the check of a live topic against
 * it. Pure: infra renders the configs when it creates a topic, and every service that owns a topic of record asks
 * {@link #weaknesses} about the live one before it becomes ready.
 *
 * <p>Why each setting: {@code retention.ms/-bytes = -1} because the ledger, every Merkle proof and the audit replay are
 * derived from the log, so Kafka's 7-day default would delete the evidence; {@code cleanup.policy=delete} because
 * compaction would drop every vote but the last per key; {@code min.insync.replicas = min(2, brokers)} and
 * {@code unclean.leader.election.enable=false} so an acknowledged ({@code acks=all}) append survives a broker's loss
 * and a stale replica never becomes leader; a replication factor of {@code min(3, brokers)}.
 */
public final class TopicDurability {

    public static final String RETENTION_MS = "retention.ms";
    public static final String RETENTION_BYTES = "retention.bytes";
    public static final String CLEANUP_POLICY = "cleanup.policy";
    public static final String MIN_INSYNC_REPLICAS = "min.insync.replicas";
    public static final String UNCLEAN_LEADER_ELECTION = "unclean.leader.election.enable";

    private TopicDurability() {
    }

    /** The replication factor a topic gets on a cluster of this many brokers. */
    public static short replicationFactor(int brokers) {
        return (short) Math.max(1, Math.min(3, brokers));
    }

    public static int minInsyncReplicas(int brokers) {
        return Math.max(1, Math.min(2, brokers));
    }

    /** The configs a topic is created with: durability for a topic of record, plus the spec's own. */
    public static Map<String, String> configs(Topics.Spec spec, int brokers) {
        Map<String, String> configs = new LinkedHashMap<>();
        configs.put(MIN_INSYNC_REPLICAS, Integer.toString(minInsyncReplicas(brokers)));
        configs.put(UNCLEAN_LEADER_ELECTION, "false");
        if (spec.record()) {
            configs.put(RETENTION_MS, "-1");
            configs.put(RETENTION_BYTES, "-1");
            configs.put(CLEANUP_POLICY, "delete");
        }
        configs.putAll(spec.extraConfigs());
        return configs;
    }

    /**
     * Every way the live topic is weaker than required, one line each naming the setting, what it is and what it
     * must be; empty when it holds.
     *
     * @param live the topic's effective configs (as describeConfigs reports them, defaults included)
     * @param replicas the smallest replica count among its partitions
     * @param brokers the brokers in the cluster
     */
    public static List<String> weaknesses(Topics.Spec spec, Map<String, String> live, int replicas, int brokers) {
        List<String> weak = new ArrayList<>();
        String topic = spec.name();
        if (spec.record()) {
            requireInfinite(topic, RETENTION_MS, live, weak);
            requireInfinite(topic, RETENTION_BYTES, live, weak);
            String policy = live.get(CLEANUP_POLICY);
            if (policy == null || !policy.trim().equals("delete")) {
                weak.add(topic + ": " + CLEANUP_POLICY + "=" + policy + ", must be delete (compaction drops records)");
            }
        }
        int wantedIsr = minInsyncReplicas(brokers);
        int isr = parseInt(live.get(MIN_INSYNC_REPLICAS), 0);
        if (isr < wantedIsr) {
            weak.add(topic + ": " + MIN_INSYNC_REPLICAS + "=" + live.get(MIN_INSYNC_REPLICAS) + ", must be at least "
                    + wantedIsr + " on " + brokers + " broker(s)");
        }
        if (!"false".equals(live.get(UNCLEAN_LEADER_ELECTION))) {
            weak.add(topic + ": " + UNCLEAN_LEADER_ELECTION + "=" + live.get(UNCLEAN_LEADER_ELECTION)
                    + ", must be false (a stale replica could become leader and lose acknowledged records)");
        }
        int wantedReplicas = replicationFactor(brokers);
        if (replicas < wantedReplicas) {
            weak.add(topic + ": replication factor " + replicas + ", must be at least " + wantedReplicas + " on "
                    + brokers + " broker(s)");
        }
        return weak;
    }

    private static void requireInfinite(String topic, String key, Map<String, String> live, List<String> weak) {
        String value = live.get(key);
        if (parseLong(value) != -1L) {
            weak.add(topic + ": " + key + "=" + value + ", must be -1 (the log is kept for ever)");
        }
    }

    private static long parseLong(String value) {
        try {
            return value == null ? Long.MIN_VALUE : Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return Long.MIN_VALUE;
        }
    }

    private static int parseInt(String value, int fallback) {
        try {
            return value == null ? fallback : Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
