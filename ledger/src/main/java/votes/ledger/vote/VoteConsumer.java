package votes.ledger.vote;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import votes.events.vote.VoteSubmitted;
import votes.ledger.log.LogPositions;
import votes.ledger.sql.Backoff;

/**
 * Consumes {@code votes.submitted} in batches and acknowledges a batch only after its transaction committed
 * (commit-strategy throttled commits the offsets of acknowledged records). A failing write is retried with
 * backoff, forever: acknowledging it would lose votes, skipping it would make the ledger differ from the log.
 * Kafka's back-pressure pauses the consumer meanwhile.
 */
@ApplicationScoped
public class VoteConsumer {

    private static final Logger LOG = Logger.getLogger(VoteConsumer.class);
    private static final String FAILURE_REASON_HEADER = "deserialization-failure-reason";

    private final VoteBatchWriter writer;
    private final LedgerMetrics metrics;
    private final Duration firstRetry;
    private final Duration maxRetry;

    VoteConsumer(VoteBatchWriter writer, LedgerMetrics metrics,
                 @ConfigProperty(name = "ledger.retry.first") Duration firstRetry,
                 @ConfigProperty(name = "ledger.retry.max") Duration maxRetry) {
        this.writer = writer;
        this.metrics = metrics;
        this.firstRetry = firstRetry;
        this.maxRetry = maxRetry;
    }

    @Incoming("votes-submitted")
    public Uni<Void> consume(KafkaRecordBatch<String, VoteSubmitted> batch) {
        List<LedgerEntry> entries = new ArrayList<>(batch.getRecords().size());
        for (KafkaRecord<String, VoteSubmitted> record : batch) {
            if (record.getPayload() == null) {
                skipUndecodable(record);
            } else {
                entries.add(new LedgerEntry(record.getPayload(), record.getPartition(), LogPositions.offset(record)));
            }
        }
        metrics.batch(batch.getRecords().size());
        Uni<Void> written = entries.isEmpty()
                ? Uni.createFrom().voidItem()
                // A retry looks harder than the first attempt (VoteBatchWriter: reused event ids), so the first
                // attempt of every batch stays as cheap as it can be.
                : Backoff.forever(attempt -> writer.write(entries, attempt > 1),
                        "writing a batch of " + entries.size() + " votes", firstRetry, maxRetry)
                        .invoke(metrics::committed).replaceWithVoid();
        return written.flatMap(done -> Uni.createFrom().completionStage(batch.ack()));
    }

    private void skipUndecodable(KafkaRecord<String, VoteSubmitted> record) {
        metrics.undecodable("votes.submitted");
        Header reason = record.getHeaders().lastHeader(FAILURE_REASON_HEADER);
        LOG.errorf("skipping an undecodable record at votes.submitted-%d@%d (key %s): %s", record.getPartition(),
                LogPositions.offset(record), record.getKey(),
                reason == null ? "no value" : new String(reason.value(), StandardCharsets.UTF_8));
    }
}
