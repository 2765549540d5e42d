package votes.ingest.poll;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import votes.events.poll.PollEvent;

/**
 * Keeps {@link PollCache} fresh: reads {@code poll-events} from the beginning under a group id unique to
 * this instance (see application.properties), so every instance folds every poll.
 */
@ApplicationScoped
public class PollEventsConsumer {

    private final PollCache cache;

    public PollEventsConsumer(PollCache cache) {
        this.cache = cache;
    }

    // A Uni return keeps this on the consumer's event loop: folding into a map never blocks.
    @Incoming("poll-events")
    public Uni<Void> onPollEvent(ConsumerRecord<String, PollEvent> record) {
        if (record.value() != null) { // a tombstone or an undecodable record: nothing to fold
            cache.apply(record.value());
        }
        return Uni.createFrom().voidItem();
    }
}
