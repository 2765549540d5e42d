package votes.ledger.deadletter;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;
import votes.events.deadletter.DeadLetter;

/**
 * Appends poison records to {@code votes.dead-letter}: the original key, value and headers, byte for byte, plus the
 * letter's own headers (where from, why). The consumer acknowledges its batch only after the broker acknowledged
 * every letter ({@code acks=all}), so a poison record is never skipped without a trace; after a crash in between
 * the batch is delivered again and its letters appended again (at least once: (topic, partition, offset) names a
 * letter).
 */
@ApplicationScoped
public class DeadLetterLog {

    public static final String CHANNEL = "votes-dead-letter";
    private static final Logger LOG = Logger.getLogger(DeadLetterLog.class);

    private final MutinyEmitter<byte[]> emitter;
    private final MeterRegistry registry;
    private final boolean rebuild;

    DeadLetterLog(@Channel(CHANNEL) MutinyEmitter<byte[]> emitter, MeterRegistry registry,
                  @ConfigProperty(name = "ledger.rebuild") boolean rebuild) {
        this.emitter = emitter;
        this.registry = registry;
        this.rebuild = rebuild;
    }

    /**
     * One poison record to append.
     *
     * @param value null for a record that had none (a tombstone): appended as an empty value
     */
    public record Letter(DeadLetter letter, byte[] key, byte[] value, Iterable<Header> originalHeaders) {
    }

    /** Completes once every letter is acknowledged; fails if one is not (the caller retries them all). */
    public Uni<Void> append(List<Letter> letters) {
        if (letters.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        if (rebuild) {
            // The ledger that first read these records dead-lettered them already: a rebuild only counts them.
            letters.forEach(this::counted);
            return Uni.createFrom().voidItem();
        }
        return Uni.join().all(letters.stream().map(this::send).toList()).andFailFast()
                .invoke(done -> letters.forEach(this::counted))
                .replaceWithVoid();
    }

    private Uni<Void> send(Letter letter) {
        RecordHeaders headers = new RecordHeaders();
        if (letter.originalHeaders() != null) {
            for (Header header : letter.originalHeaders()) {
                // A letter appended again and dead-lettered once more keeps only the newest account of it.
                if (!header.key().startsWith(DeadLetter.PREFIX)) {
                    headers.add(header);
                }
            }
        }
        letter.letter().headers().forEach(headers::add);
        Message<byte[]> message = Message.of(letter.value() == null ? new byte[0] : letter.value())
                .addMetadata(OutgoingKafkaRecordMetadata.<byte[]>builder().withKey(letter.key()).withHeaders(headers)
                        .build());
        return emitter.sendMessage(message);
    }

    private void counted(Letter letter) {
        DeadLetter dead = letter.letter();
        registry.counter("ledger_dead_letters_total", "reason", dead.reason().slug()).increment();
        LOG.errorf("dead-lettered %s (%s%s): %s", dead.source(), dead.reason().slug(),
                dead.eventId() == null ? "" : ", event " + dead.eventId(), dead.detail());
    }
}
