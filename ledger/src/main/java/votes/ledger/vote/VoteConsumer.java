package votes.ledger.vote;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordBatchMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import votes.events.codec.VoteRecord;
import votes.events.deadletter.DeadLetter;
import votes.events.deadletter.DeadLetterReason;
import votes.events.topic.Topics;
import votes.kit.trace.Traceparent;
import votes.ledger.deadletter.DeadLetterLog;
import votes.ledger.log.PartitionProgress;
import votes.ledger.poll.PollsFolded;
import votes.ledger.sql.Backoff;
import votes.ledger.sql.SqlStates;

/**
 * Consumes {@code votes.submitted} in batches and acknowledges a batch only after its transaction committed and its
 * poison is in {@code votes.dead-letter} (commit-strategy throttled commits the offsets of acknowledged records).
 *
 * <p>A failure for the moment (a database down, a serialization failure) is retried with backoff, forever:
 * acknowledging the batch would lose votes, skipping it would make the ledger differ from the log. Kafka's
 * back-pressure pauses the consumer meanwhile. A failure for the data (SQLSTATE class 22 or 54, {@link SqlStates})
 * would fail every retry, so the batch is written again one record at a time, in log order: the records the database
 * takes are written, the one it refuses is rejected {@code malformed} and dead-lettered {@code refused-by-database},
 * and the partition moves on. Poison the contract already recognises ({@link VoteRecord.Poison}) never reaches that
 * path: the batch plan rejects it as {@code malformed} (when it has an event id) and it is dead-lettered.
 */
@ApplicationScoped
public class VoteConsumer {

    private static final Logger LOG = Logger.getLogger(VoteConsumer.class);

    private final VoteBatchWriter writer;
    private final DeadLetterLog deadLetters;
    private final PartitionProgress progress;
    private final PollsFolded pollsFolded;
    private final LedgerMetrics metrics;
    private final Duration firstRetry;
    private final Duration maxRetry;
    private final int splitAt;
    // When the last batch was acknowledged: the WAIT phase of the next one (BatchPhase). Approximate with more than
    // one consumer thread, where batches overlap.
    private volatile long lastAckedAt = System.nanoTime();
    // One pipeline per Kafka consumer (LEDGER_CONSUMERS copies of the channel, each on its own event loop): a
    // consumer's batches are written in its order, while another consumer's, of other partitions, are written at the
    // same time. Two consumers share no partition, so no partition's order depends on the other pipeline.
    private final Map<String, BatchPipeline> pipelines = new ConcurrentHashMap<>();

    VoteConsumer(VoteBatchWriter writer, DeadLetterLog deadLetters, PartitionProgress progress, PollsFolded pollsFolded,
                 LedgerMetrics metrics,
                 @ConfigProperty(name = "ledger.retry.first") Duration firstRetry,
                 @ConfigProperty(name = "ledger.retry.max") Duration maxRetry,
                 @ConfigProperty(name = "ledger.batch.split-at") int splitAt) {
        this.writer = writer;
        this.deadLetters = deadLetters;
        this.progress = progress;
        this.pollsFolded = pollsFolded;
        this.metrics = metrics;
        this.firstRetry = firstRetry;
        this.maxRetry = maxRetry;
        this.splitAt = splitAt;
    }

    @Incoming("votes-submitted")
    public Uni<Void> consume(KafkaRecordBatch<byte[], VoteRecord> batch) {
        // Open from the start, except in a rebuild (PollsFolded); meanwhile Kafka's back-pressure holds the batches.
        return pollsFolded.opened().flatMap(open -> {
            Prepared prepared = prepare(batch);
            // Returns once the previous batch is written: Kafka's next batch then arrives and is prepared while
            // this one is written (BatchPipeline).
            return pipelines.computeIfAbsent(prepared.consumer(), consumer -> new BatchPipeline())
                    .enqueue(() -> record(batch, prepared));
        });
    }

    /**
     * What a batch needs before its transaction that does not depend on the batch before it: the records in log
     * order (each vote's leaf hashed as its entry is made, LedgerEntry) and where each came from. Runs while the
     * previous batch is written, so it is timed apart ({@link BatchPhase#PREPARE}), off the batch's wall time.
     */
    private Prepared prepare(KafkaRecordBatch<byte[], VoteRecord> batch) {
        long startedAt = System.nanoTime();
        IncomingKafkaRecordBatchMetadata<byte[], VoteRecord> metadata = metadata(batch);
        ConsumerRecords<byte[], VoteRecord> consumed = metadata.getRecords();
        List<BatchRecord> records = new ArrayList<>(consumed.count());
        Set<Integer> partitions = new TreeSet<>();
        for (ConsumerRecord<byte[], VoteRecord> record : consumed) {
            int partition = record.partition();
            long offset = record.offset();
            partitions.add(partition);
            // The deserializer never fails: every record is a vote or poison, with its bytes.
            VoteRecord read = Objects.requireNonNull(record.value(), "VoteRecordDeserializer returned null");
            records.add(read instanceof VoteRecord.Vote vote
                    ? new LedgerEntry(vote.vote(), partition, offset, traceparent(record))
                    : new PoisonEntry((VoteRecord.Poison) read, partition, offset));
        }
        metrics.phase(BatchPhase.PREPARE, System.nanoTime() - startedAt);
        return new Prepared(records, partitions, metadata.getChannel() + "#" + metadata.getConsumerIndex());
    }

    /**
     * The batch as the Kafka consumer returned it, in the same order as its SmallRye records. Read directly because
     * SmallRye's per-record accessors search the record's metadata and copy its headers on every call: 4 % of a
     * catch-up's CPU samples for the offset and the traceparent alone (perf/RESULTS.md, issue 12 item 3).
     */
    @SuppressWarnings("unchecked")
    private static IncomingKafkaRecordBatchMetadata<byte[], VoteRecord> metadata(
            KafkaRecordBatch<byte[], VoteRecord> batch) {
        return batch.getMetadata(IncomingKafkaRecordBatchMetadata.class)
                .orElseThrow(() -> new IllegalStateException("a Kafka batch without its consumer records"));
    }

    /** A batch ready for its transaction, and which consumer (copy of the channel, consumer index) it came from. */
    private record Prepared(List<BatchRecord> records, Set<Integer> partitions, String consumer) {
    }

    private Uni<Void> record(KafkaRecordBatch<byte[], VoteRecord> batch, Prepared prepared) {
        metrics.phase(BatchPhase.WAIT, System.nanoTime() - lastAckedAt);
        List<BatchRecord> records = prepared.records();
        metrics.batch(records.size());
        progress.started(prepared.partitions());
        Instant firstAt = Instant.now();
        long[] writtenAt = new long[1];
        return write(records, firstAt)
                .invoke(refused -> writtenAt[0] = System.nanoTime())
                .flatMap(refused -> deadLetter(records, refused, batch))
                .flatMap(done -> Uni.createFrom().completionStage(batch.ack()))
                .invoke(done -> {
                    progress.advanced(prepared.partitions());
                    lastAckedAt = System.nanoTime();
                    metrics.phase(BatchPhase.ACK, lastAckedAt - writtenAt[0]);
                });
    }

    /** Where a record sits: how a dead letter finds its original bytes and headers. */
    private record Position(int partition, long offset) {
    }

    /**
     * The batch in one transaction, or a large one in two at once, each over whole partitions (PartitionGroups).
     *
     * @return the records the database refused for their data (empty on the normal path)
     */
    private Uni<List<PoisonEntry>> write(List<BatchRecord> records, Instant firstAt) {
        List<List<BatchRecord>> groups = PartitionGroups.of(records, splitAt);
        if (groups.size() == 1) {
            return writeTogether(records, firstAt);
        }
        metrics.split();
        // Merged: both groups' transactions are under way at once.
        return Multi.createFrom().iterable(groups)
                .onItem().transformToUniAndMerge(group -> writeTogether(group, firstAt))
                .collect().asList()
                .map(refused -> refused.stream().flatMap(List::stream).toList());
    }

    /** @return the records the database refused for their data (empty on the normal path) */
    private Uni<List<PoisonEntry>> writeTogether(List<BatchRecord> records, Instant firstAt) {
        if (records.stream().noneMatch(VoteConsumer::needsWrite)) {
            return Uni.createFrom().item(List.of());
        }
        // A retry looks harder than the first attempt (VoteBatchWriter: reused event ids), so the first attempt of
        // every batch stays as cheap as it can be.
        return Backoff.untilPermanent(attempt -> writer.write(records, attempt(attempt, firstAt)), SqlStates::permanent,
                        "writing a batch of " + records.size() + " records", firstRetry, maxRetry)
                .invoke(metrics::committed)
                .<List<PoisonEntry>>map(outcome -> List.of())
                .onFailure(SqlStates::permanent).recoverWithUni(failure -> {
                    LOG.errorf("PostgreSQL refused a batch of %d records for its data (%s): writing them one at a time",
                            records.size(), SqlStates.describe(failure));
                    return oneAtATime(records, firstAt);
                });
    }

    private Uni<List<PoisonEntry>> oneAtATime(List<BatchRecord> records, Instant firstAt) {
        return Multi.createFrom().iterable(records)
                .onItem().transformToUniAndConcatenate(record -> alone(record, firstAt))
                .collect().asList()
                .map(refused -> refused.stream().filter(Objects::nonNull).toList());
    }

    /** @return the record as refused poison if the database would not take it, else a null item */
    private Uni<PoisonEntry> alone(BatchRecord record, Instant firstAt) {
        if (!needsWrite(record)) {
            return Uni.createFrom().nullItem();
        }
        return Backoff.untilPermanent(attempt -> writer.write(List.of(record), attempt(2, firstAt)),
                        SqlStates::permanent, "writing " + where(record) + " alone", firstRetry, maxRetry)
                .invoke(metrics::committed)
                .<PoisonEntry>map(outcome -> null)
                .onFailure(SqlStates::permanent).recoverWithUni(failure -> refused(record, failure, firstAt));
    }

    /**
     * A vote the database refused is still a verdict on its event id: rejected {@code malformed}, the row keeping
     * nothing but the event id and the position (the replay learns of it from the dead letter and expects exactly
     * that). Poison whose rejection row itself is refused is only dead-lettered.
     */
    private Uni<PoisonEntry> refused(BatchRecord record, Throwable failure, Instant firstAt) {
        String detail = SqlStates.describe(failure);
        if (record instanceof PoisonEntry poison) {
            LOG.errorf("PostgreSQL refused the malformed rejection of %s (%s): it is only dead-lettered",
                    where(record), detail);
            return Uni.createFrom().item(poison);
        }
        LedgerEntry entry = (LedgerEntry) record;
        PoisonEntry poison = new PoisonEntry(new VoteRecord.Poison(DeadLetterReason.REFUSED_BY_DATABASE, detail,
                entry.vote().eventId(), null, null, null, null, null), entry.partition(), entry.offset());
        return Backoff.untilPermanent(attempt -> writer.write(List.of(poison), attempt(2, firstAt)),
                        SqlStates::permanent, "rejecting " + where(record) + " as malformed", firstRetry, maxRetry)
                .invoke(metrics::committed)
                .replaceWith(poison)
                .onFailure(SqlStates::permanent).recoverWithItem(again -> {
                    LOG.errorf("PostgreSQL refused even the malformed rejection of %s (%s): it is only dead-lettered",
                            where(record), SqlStates.describe(again));
                    return poison;
                });
    }

    private Uni<Void> deadLetter(List<BatchRecord> records, List<PoisonEntry> refused,
                                 KafkaRecordBatch<byte[], VoteRecord> batch) {
        List<PoisonEntry> poisoned = new ArrayList<>();
        for (BatchRecord record : records) {
            if (record instanceof PoisonEntry poison) {
                poisoned.add(poison);
            }
        }
        refused.stream().filter(poison -> poison.poison().reason() == DeadLetterReason.REFUSED_BY_DATABASE)
                .forEach(poisoned::add);
        if (poisoned.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        // Built only for a batch with poison, not a map entry and a key object per record of every batch.
        Map<Position, ConsumerRecord<byte[], VoteRecord>> byPosition = new HashMap<>();
        for (ConsumerRecord<byte[], VoteRecord> record : metadata(batch).getRecords()) {
            byPosition.put(new Position(record.partition(), record.offset()), record);
        }
        List<DeadLetterLog.Letter> letters = poisoned.stream().map(poison -> letter(poison, byPosition)).toList();
        return Backoff.forever(() -> deadLetters.append(letters),
                "appending " + letters.size() + " dead letters", firstRetry, maxRetry);
    }

    private static DeadLetterLog.Letter letter(PoisonEntry poison,
                                               Map<Position, ConsumerRecord<byte[], VoteRecord>> byPosition) {
        ConsumerRecord<byte[], VoteRecord> original = byPosition.get(new Position(poison.partition(), poison.offset()));
        DeadLetter letter = new DeadLetter(Topics.VOTES_SUBMITTED, poison.partition(), poison.offset(),
                poison.poison().reason(), poison.poison().detail(), poison.poison().eventId());
        return new DeadLetterLog.Letter(letter, original.key(), original.value().value(), original.headers());
    }

    /** The trace the vote's tally delta continues (SmallRye's tracing wrote the header when ingest sampled it). */
    private static String traceparent(ConsumerRecord<byte[], VoteRecord> record) {
        Header header = record.headers().lastHeader(Traceparent.HEADER);
        return header == null ? null : Traceparent.sampled(header.value());
    }

    private static boolean needsWrite(BatchRecord record) {
        return record instanceof LedgerEntry || ((PoisonEntry) record).poison().judged();
    }

    private static BatchAttempt attempt(int number, Instant firstAt) {
        return new BatchAttempt(number > 1, firstAt);
    }

    private static String where(BatchRecord record) {
        return Topics.VOTES_SUBMITTED + " " + record.partition() + "@" + record.offset();
    }
}
