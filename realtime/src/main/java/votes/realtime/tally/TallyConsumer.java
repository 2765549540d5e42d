package votes.realtime.tally;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import votes.events.codec.EventCodec;
import votes.events.tally.Tally;

/**
 * Reads {@code vote-tallies} from the beginning with a group of its own (application.properties), so every
 * instance holds every poll; the topic is compacted, so "the beginning" is about one record per poll.
 */
@ApplicationScoped
public class TallyConsumer {

    private static final Logger LOG = Logger.getLogger(TallyConsumer.class);

    private final TallyBoard board;
    private final Counter undecodable;

    TallyConsumer(TallyBoard board, MeterRegistry registry) {
        this.board = board;
        this.undecodable = registry.counter("realtime_undecodable_tallies_total");
    }

    @Incoming("vote-tallies")
    public void onTally(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            return; // A tombstone: a tally is never taken back, the dashboard keeps the last one it saw.
        }
        Tally tally;
        try {
            tally = EventCodec.decodeTally(record.value().getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            // One bad record must not stop every dashboard: count it, skip it.
            undecodable.increment();
            LOG.warnf("skipping undecodable tally at %s-%d@%d: %s", record.topic(), record.partition(),
                    record.offset(), e.getMessage());
            return;
        }
        if (tally.pollId() == null) {
            undecodable.increment();
            return;
        }
        board.accept(tally);
    }
}
