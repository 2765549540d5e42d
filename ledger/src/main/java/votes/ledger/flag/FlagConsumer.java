package votes.ledger.flag;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import votes.events.flag.VoteFlagged;
import votes.events.topic.Topics;
import votes.ledger.log.LogPositions;
import votes.ledger.log.UndecodableRecords;
import votes.ledger.sql.Backoff;
import votes.ledger.sql.SqlStates;

/**
 * Folds {@code votes.flags} into {@code flags} (group {@code ledger-flags}, from the beginning), one record at a time:
 * a group's flags share a key, so they arrive in order on one partition. The offset is committed after the fold's
 * transaction; a redelivery folds to the same rows ({@link FlagFold}). A transient database failure is retried for
 * ever (readiness shows PostgreSQL down); a flag PostgreSQL refuses for its data (a NUL in a key) is logged, counted
 * as undecodable and skipped, since retrying it would stall its partition for ever.
 */
// At start, not at the first flag: its counters are on /q/metrics at zero before anything happened.
@Startup
@ApplicationScoped
public class FlagConsumer {

    private static final Logger LOG = Logger.getLogger(FlagConsumer.class);

    private final FlagFold fold;
    private final UndecodableRecords undecodable;
    private final Counter opened;
    private final Counter counted;
    private final Duration firstRetry;
    private final Duration maxRetry;

    FlagConsumer(FlagFold fold, UndecodableRecords undecodable, MeterRegistry registry,
                 @ConfigProperty(name = "ledger.retry.first") Duration firstRetry,
                 @ConfigProperty(name = "ledger.retry.max") Duration maxRetry) {
        this.fold = fold;
        this.undecodable = undecodable;
        this.opened = registry.counter("ledger_flags_opened_total");
        this.counted = registry.counter("ledger_flagged_votes_total");
        this.firstRetry = firstRetry;
        this.maxRetry = maxRetry;
    }

    @Incoming("votes-flags")
    public Uni<Void> consume(KafkaRecord<String, VoteFlagged> record) {
        VoteFlagged flag = record.getPayload();
        if (flag == null) {
            skip(record, "undecodable");
            return Uni.createFrom().completionStage(record.ack());
        }
        SessionContext session = SessionContext.current();
        return Backoff.untilPermanent(attempt -> session.run(() -> fold.fold(flag)), SqlStates::permanent,
                        "folding the flag of vote " + flag.voteId(), firstRetry, maxRetry)
                .invoke(folded -> {
                    if (folded.opened()) {
                        opened.increment();
                    }
                    if (folded.counted()) {
                        counted.increment();
                    }
                })
                .replaceWithVoid()
                .onFailure().recoverWithItem(failure -> {
                    skip(record, SqlStates.describe(failure));
                    return null;
                })
                .flatMap(done -> Uni.createFrom().completionStage(record.ack()));
    }

    private void skip(KafkaRecord<String, VoteFlagged> record, String why) {
        undecodable.skipped(Topics.VOTES_FLAGS);
        LOG.errorf("skipping the flag at %s-%d@%d: %s", Topics.VOTES_FLAGS, record.getPartition(),
                LogPositions.offset(record), why);
    }
}
