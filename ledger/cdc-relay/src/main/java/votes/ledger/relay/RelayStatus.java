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
import votes.ledger.relay.slot.SlotReading;
import votes.ledger.relay.slot.SlotState;

/**
 * What health and metrics report. Ready means the connector streams the WAL (Debezium's own streaming metric
 * says it is connected, i.e. past the snapshot) and Kafka acknowledged the last batch. Also the slot as the
 * relay last saw it in {@code pg_replication_slots}, and whether the relay refuses to resume.
 */
final class RelayStatus {

    private static final String STREAMING_MBEANS = "debezium.postgres:type=connector-metrics,context=streaming,*";
    /** PostgreSQL's wal_status values, each a series of cdc_relay_slot_wal_status so an alert can match one. */
    private static final String[] WAL_STATUSES = {"reserved", "extended", "unreserved", SlotState.LOST};

    private volatile boolean polling;
    private volatile boolean kafkaAcknowledging = true;
    private volatile String lastError = "";
    private final Map<String, LongAdder> relayed = new ConcurrentHashMap<>();
    private final LongAdder batches = new LongAdder();
    private final LongAdder skipped = new LongAdder();
    private final LongAdder sendFailures = new LongAdder();
    private final AtomicLong lastLagMs = new AtomicLong(-1);
    private final AtomicLong maxLagMs = new AtomicLong(-1);
    private final LongAdder engineFailures = new LongAdder();
    private final LongAdder slotCheckFailures = new LongAdder();
    private volatile String resumeRefused;
    private volatile SlotReading slot = SlotReading.failed("not read yet");

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

    /** The engine stopped on its own, or could not start. */
    void engineFailed(String error) {
        engineFailures.increment();
        failed(error);
    }

    /** {@code reason} why the stored offset cannot be resumed, or null once a check allows the start. */
    void resumeRefused(String reason) {
        resumeRefused = reason;
        if (reason != null) {
            failed("cannot resume: " + reason);
        }
    }

    void slot(SlotReading reading) {
        if (!reading.answered()) {
            slotCheckFailures.increment();
        }
        slot = reading;
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
        return resumeRefused == null && polling && kafkaAcknowledging && streaming();
    }

    String readiness() {
        return "{\"status\":\"" + (ready() ? "UP" : "DOWN") + "\",\"checks\":[{\"name\":\"cdc-relay\",\"status\":\""
                + (ready() ? "UP" : "DOWN") + "\",\"data\":{\"polling\":" + polling + ",\"streaming\":" + streaming()
                + ",\"kafka\":" + kafkaAcknowledging + ",\"resumeRefused\":" + (resumeRefused != null)
                + ",\"lastError\":\"" + json(lastError) + "\"}}]}";
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
        gauge(out, "cdc_relay_engine_failures_total", "counter",
                "Times the Debezium engine stopped on its own or could not start (it is started again, with backoff)",
                engineFailures.sum());
        gauge(out, "cdc_relay_resume_failed", "gauge",
                "1 while the stored offset cannot be resumed from the slot: only a reset (re-snapshot) recovers",
                resumeRefused != null ? 1 : 0);
        slotMetrics(out);
        return out.toString();
    }

    private void slotMetrics(StringBuilder out) {
        SlotReading reading = slot;
        SlotState state = reading.state().orElse(null);
        gauge(out, "cdc_relay_slot_checks_failed_total", "counter",
                "Reads of pg_replication_slots that failed (PostgreSQL unreachable)", slotCheckFailures.sum());
        gauge(out, "cdc_relay_slot_exists", "gauge", "1 if the last read found the relay's replication slot",
                reading.answered() ? (state != null ? "1" : "0") : "NaN");
        gauge(out, "cdc_relay_slot_active", "gauge", "1 if a walsender (this relay) holds the slot",
                state == null ? "NaN" : state.active() ? "1" : "0");
        gauge(out, "cdc_relay_slot_lag_bytes", "gauge",
                "pg_current_wal_lsn() - confirmed_flush_lsn: WAL written since the last LSN confirmed to the slot",
                bytes(state == null ? -1 : state.lagBytes()));
        gauge(out, "cdc_relay_slot_retained_wal_bytes", "gauge",
                "pg_current_wal_lsn() - restart_lsn: WAL the slot keeps on the server's disk",
                bytes(state == null ? -1 : state.retainedBytes()));
        gauge(out, "cdc_relay_slot_safe_wal_size_bytes", "gauge",
                "WAL that may still be written before the slot loses some (NaN if max_slot_wal_keep_size is unlimited)",
                bytes(state == null ? -1 : state.safeWalSize()));
        out.append("# HELP cdc_relay_slot_wal_status 1 for the slot's current wal_status (lost: only a reset recovers)\n")
                .append("# TYPE cdc_relay_slot_wal_status gauge\n");
        for (String status : WAL_STATUSES) {
            out.append("cdc_relay_slot_wal_status{status=\"").append(status).append("\"} ")
                    .append(state == null ? "NaN" : status.equals(state.walStatus()) ? "1" : "0").append('\n');
        }
    }

    private static String bytes(long value) {
        return value < 0 ? "NaN" : Long.toString(value);
    }

    private static void gauge(StringBuilder out, String name, String type, String help, long value) {
        gauge(out, name, type, help, Long.toString(value));
    }

    private static void gauge(StringBuilder out, String name, String type, String help, String value) {
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
