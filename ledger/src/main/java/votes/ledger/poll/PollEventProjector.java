package votes.ledger.poll;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import votes.events.poll.PollClosed;
import votes.events.poll.PollCreated;
import votes.events.poll.PollEvent;
import votes.events.poll.VotesVoided;
import votes.ledger.sql.Backoff;
import votes.ledger.log.LogPositions;
import votes.ledger.log.UndecodableRecords;
import votes.ledger.voiding.AppliedVoid;
import votes.ledger.voiding.VoidWriter;

/**
 * Folds {@code poll-events} into the {@code polls} table, so the log alone rebuilds it (group {@code ledger-polls},
 * from the beginning). The admin API already applied what it appended; applying it again changes nothing. A
 * {@link VotesVoided} voids votes ({@link VoidWriter}); it changes no poll row.
 */
@ApplicationScoped
public class PollEventProjector {

    private static final Logger LOG = Logger.getLogger(PollEventProjector.class);

    private final PollStore store;
    private final PollsFolded folded;
    private final UndecodableRecords undecodable;
    private final VoidWriter voids;
    private final PollDeadlines deadlines;
    private final Duration firstRetry;
    private final Duration maxRetry;

    PollEventProjector(PollStore store, PollsFolded folded, UndecodableRecords undecodable, VoidWriter voids,
                       PollDeadlines deadlines,
                       @ConfigProperty(name = "ledger.retry.first") Duration firstRetry,
                       @ConfigProperty(name = "ledger.retry.max") Duration maxRetry) {
        this.store = store;
        this.folded = folded;
        this.undecodable = undecodable;
        this.voids = voids;
        this.deadlines = deadlines;
        this.firstRetry = firstRetry;
        this.maxRetry = maxRetry;
    }

    @Incoming("poll-events-in")
    public Uni<Void> project(KafkaRecord<String, PollEvent> record) {
        PollEvent event = record.getPayload();
        if (event == null) {
            undecodable.skipped("poll-events");
            LOG.errorf("skipping an undecodable poll event at poll-events-%d@%d", record.getPartition(),
                    LogPositions.offset(record));
            return Uni.createFrom().completionStage(record.ack())
                    .invoke(() -> folded.applied(record.getPartition(), LogPositions.offset(record)));
        }
        return Backoff.forever(() -> apply(event, record.getPartition(), LogPositions.offset(record)),
                        "applying " + event.getClass().getSimpleName() + " of poll " + event.pollId(), firstRetry,
                        maxRetry)
                .flatMap(done -> Uni.createFrom().completionStage(record.ack()))
                .invoke(() -> folded.applied(record.getPartition(), LogPositions.offset(record)));
    }

    private Uni<Void> apply(PollEvent event, int partition, long offset) {
        if (event instanceof PollCreated created) {
            return store.apply(created).invoke(() -> deadlines.pollKnown(created.closesAt()));
        }
        if (event instanceof VotesVoided voided) {
            // Where it sits in poll-events places its leaf in the void log of that partition.
            return voids.apply(voided, partition, offset).invoke(PollEventProjector::logged).replaceWithVoid();
        }
        return store.apply((PollClosed) event);
    }

    /** One line per void, the fact an operator (and the audit) looks for. */
    private static void logged(AppliedVoid applied) {
        if (applied.redelivered()) {
            LOG.infof("void %s was applied before: nothing changed", applied.eventId());
        } else {
            LOG.infof("void %s applied: counted=%s voided=%d leaf %d of log %d", applied.eventId(),
                    applied.counted(), applied.voided(), applied.leafIndex(), applied.logId());
        }
    }
}
