package votes.system.fuzz;

import java.time.Duration;
import java.util.Map;
import org.awaitility.Awaitility;
import votes.events.topic.Topics;
import votes.infra.kafka.ConsumerGroups;
import votes.system.LedgerDatabase;

/**
 * What bad requests must never add to: the ledger's votes and rejections and the {@code votes.submitted} log. Read
 * only once the ledger has committed up to the log's end, so a vote still on its way is not missed.
 */
record StoredCounts(long votes, long rejections, long logRecords) {

    /** The ledger's consumer group (ledger/application.properties, LEDGER_GROUP). */
    private static final String LEDGER_GROUP = "ledger";
    private static final Duration IDLE_PATIENCE = Duration.ofSeconds(90);

    static StoredCounts whenLedgerIdle(Map<String, Object> kafkaClient, LedgerDatabase ledger) {
        try (ConsumerGroups kafka = new ConsumerGroups(kafkaClient, Duration.ofSeconds(30))) {
            Awaitility.await("the ledger committed every record of " + Topics.VOTES_SUBMITTED)
                    .atMost(IDLE_PATIENCE).pollInterval(Duration.ofMillis(500))
                    .until(() -> sum(kafka.committed(LEDGER_GROUP, Topics.VOTES_SUBMITTED))
                            >= sum(kafka.endOffsets(Topics.VOTES_SUBMITTED)));
            return new StoredCounts(ledger.recordedVotes(), ledger.rejections(), sum(kafka.endOffsets(Topics.VOTES_SUBMITTED)));
        }
    }

    private static long sum(Map<Integer, Long> offsets) {
        return offsets.values().stream().mapToLong(Long::longValue).sum();
    }
}
