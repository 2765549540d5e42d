package votes.ledger.poll;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import votes.events.key.PartitionKeys;
import votes.events.poll.PollEvent;

/** Appends poll facts to {@code poll-events}; the returned Uni completes only once Kafka acknowledged (acks=all). */
@ApplicationScoped
public class PollLog {

    private final MutinyEmitter<PollEvent> emitter;
    private final Duration timeout;

    PollLog(@Channel("poll-events-out") MutinyEmitter<PollEvent> emitter,
            @ConfigProperty(name = "ledger.poll-append.timeout") Duration timeout) {
        this.emitter = emitter;
        this.timeout = timeout;
    }

    public Uni<Void> append(PollEvent event) {
        Message<PollEvent> message = Message.of(event).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(PartitionKeys.poll(event.pollId()))
                .build());
        return Uni.createFrom().deferred(() -> emitter.sendMessage(message))
                // The producer's own delivery timeout bounds this too; this guards an emitter that never answers.
                .ifNoItem().after(timeout).fail();
    }
}
