package votes.ledger.relay;

import java.lang.management.ManagementFactory;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * What health and metrics report. Ready means the connector streams the WAL (Debezium's own streaming metric
 * says it is connected, i.e. past the snapshot) and Kafka acknowledged the last batch.
 */
final class RelayStatus {

    private static final String STREAMING_MBEANS = "debezium.postgres:type=connector-metrics,context=streaming,*";

    private volatile boolean polling;
    private volatile boolean kafkaAcknowledging = true;
    private volatile String lastError = "";
    private final Map<String, LongAdder> relayed = new ConcurrentHashMap<>();
    private final LongAdder batches = new LongAdder();
    private final LongAdder skipped = new LongAdder();
    private final LongAdder sendFailures = new LongAdder();
    private final AtomicLong lastLagMs = new AtomicLong(-1);
    private final AtomicLong maxLagMs = new AtomicLong(-1);

    void polling(boolean polling) {
        this.polling = polling;
    }

    void failed(String error) {
        lastError = error == null ? "" : error;
    }

    void kafka(boolean acknowledging) {
        kafkaAcknowledging = acknowledging;
    }

    void relayed(String topic) {
        relayed.computeIfAbsent(topic, t -> new LongAdder()).increment();
    }

    void skipped() {
        skipped.increment();
    }

    void sendFailed() {
        sendFailures.increment();
    }

    /** A batch acknowledged by Kafka; {@code newestCommitMs} is its last row's commit time (or -1). */
    void batchAcknowledged(long newestCommitMs, long ackedAtMs) {
        batches.increment();
        if (newestCommitMs > 0) {
            long lag = Math.max(0, ackedAtMs - newestCommitMs);
            lastLagMs.set(lag);
            maxLagMs.accumulateAndGet(lag, Math::max);
        }
    }

    boolean ready() {
        return polling && kafkaAcknowledging && streaming();
    }

    String readiness() {
        return "{\"status\":\"" + (ready() ? "UP" : "DOWN") + "\",\"checks\":[{\"name\":\"cdc-relay\",\"status\":\""
                + (ready() ? "UP" : "DOWN") + "\",\"data\":{\"polling\":" + polling + ",\"streaming\":" + streaming()
                + ",\"kafka\":" + kafkaAcknowledging + ",\"lastError\":\"" + json(lastError) + "\"}}]}";
    }

    String prometheus() {
        StringBuilder out = new StringBuilder();
        out.append("# HELP cdc_relay_records_total Rows relayed to Kafka and acknowledged, by topic\n")
                .append("# TYPE cdc_relay_records_total counter\n");
        new TreeMap<>(relayed).forEach((topic, count) ->
                out.append("cdc_relay_records_total{topic=\"").append(topic).append("\"} ").append(count.sum()).append('\n'));
        gauge(out, "cdc_relay_batches_total", "counter", "Batches acknowledged by Kafka and marked processed", batches.sum());
        gauge(out, "cdc_relay_skipped_total", "counter", "Heartbeat and empty records marked processed, not produced", skipped.sum());
        gauge(out, "cdc_relay_send_failures_total", "counter", "Batches Kafka did not acknowledge (sent again)", sendFailures.sum());
        gauge(out, "cdc_relay_commit_lag_ms", "gauge", "PostgreSQL commit to Kafka ack of the last batch's newest row", lastLagMs.get());
        gauge(out, "cdc_relay_commit_lag_max_ms", "gauge", "Largest commit to Kafka ack lag since start", maxLagMs.get());
        gauge(out, "cdc_relay_ready", "gauge", "1 while streaming and Kafka acknowledges", ready() ? 1 : 0);
        return out.toString();
    }

    private static void gauge(StringBuilder out, String name, String type, String help, long value) {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n')
                .append("# TYPE ").append(name).append(' ').append(type).append('\n')
                .append(name).append(' ').append(value).append('\n');
    }

    /** Debezium's streaming metrics MBean exists once streaming started; its Connected flag follows the WAL stream. */
    private static boolean streaming() {
        try {
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            Set<ObjectName> names = server.queryNames(new ObjectName(STREAMING_MBEANS), null);
            for (ObjectName name : names) {
                if (Boolean.TRUE.equals(server.getAttribute(name, "Connected"))) {
                    return true;
                }
            }
            return false;
        } catch (Exception e) {
            return false;
        }
    }

    private static String json(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", " ");
    }
}
