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
import votes.ledger.sql.Backoff;
import votes.ledger.log.LogPositions;
import votes.ledger.log.UndecodableRecords;

/**
 * Folds {@code poll-events} into the {@code polls} table, so the log alone rebuilds it (group {@code ledger-polls},
 * from the beginning). The admin API already applied what it appended; applying it again changes nothing.
 */
@ApplicationScoped
public class PollEventProjector {

    private static final Logger LOG = Logger.getLogger(PollEventProjector.class);

    private final PollStore store;
    private final PollsFolded folded;
    private final UndecodableRecords undecodable;
    private final Duration firstRetry;
    private final Duration maxRetry;

    PollEventProjector(PollStore store, PollsFolded folded, UndecodableRecords undecodable,
                       @ConfigProperty(name = "ledger.retry.first") Duration firstRetry,
                       @ConfigProperty(name = "ledger.retry.max") Duration maxRetry) {
        this.store = store;
        this.folded = folded;
        this.undecodable = undecodable;
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
        return Backoff.forever(() -> apply(event), "applying " + event.getClass().getSimpleName() + " of poll "
                        + event.pollId(), firstRetry, maxRetry)
                .flatMap(done -> Uni.createFrom().completionStage(record.ack()))
                .invoke(() -> folded.applied(record.getPartition(), LogPositions.offset(record)));
    }

    private Uni<Void> apply(PollEvent event) {
        if (event instanceof PollCreated created) {
            return store.apply(created);
        }
        if (event instanceof PollClosed closed) {
            return store.apply(closed);
        }
        // A VotesVoided changes votes, not the poll: nothing for the polls table (a cast here stalled the partition).
        return Uni.createFrom().voidItem();
    }
}
