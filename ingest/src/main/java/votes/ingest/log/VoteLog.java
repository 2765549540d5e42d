package votes.ingest.log;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;
import votes.events.key.PartitionKeys;
import votes.events.vote.VoteSubmitted;

/**
 * Appends votes to {@code votes.submitted} and reports the broker's ack. In-flight appends are bounded:
 * past {@code vote.log.max-in-flight} a vote is answered 503 at once instead of queueing without limit (a
 * slow broker must not turn into an out-of-memory ingest). A slot is freed when the producer finally
 * settles the record, not when the client gave up waiting, so records stuck in the producer still count.
 */
@ApplicationScoped
public class VoteLog {

    public static final String CHANNEL = "votes-submitted";
    private static final Logger LOG = Logger.getLogger(VoteLog.class);

    private final MutinyEmitter<VoteSubmitted> emitter;
    private final VoteLogConfig config;
    private final AtomicInteger inFlight = new AtomicInteger();

    // The buffer can never outgrow max-in-flight: this class refuses before it would.
    public VoteLog(@Channel(CHANNEL) @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER) MutinyEmitter<VoteSubmitted> emitter,
                   VoteLogConfig config, MeterRegistry metrics) {
        this.emitter = emitter;
        this.config = config;
        metrics.gauge("votes.append.in.flight", inFlight);
    }

    public Uni<Append> append(VoteSubmitted vote) {
        return Uni.createFrom().deferred(() -> {
            if (inFlight.incrementAndGet() > config.maxInFlight()) {
                inFlight.decrementAndGet();
                return Uni.createFrom().item(unavailable("too many votes waiting for the log"));
            }
            CompletableFuture<Void> settled;
            try {
                Message<VoteSubmitted> record = Message.of(vote).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                        .withKey(PartitionKeys.vote(vote.pollId(), vote.voterId()))
                        .build());
                settled = emitter.sendMessage(record).subscribeAsCompletionStage();
            } catch (RuntimeException e) { // the channel is down or refused the message synchronously
                inFlight.decrementAndGet();
                LOG.warnf("vote %s not handed to the log: %s", vote.eventId(), e.toString());
                return Uni.createFrom().item(unavailable("the log refused the append"));
            }
            settled.whenComplete((ignored, failure) -> inFlight.decrementAndGet());
            // The ack arrives on the producer's I/O thread: hand the rest of the request (Redis, JSON, the
            // response) back to the request's event loop instead of slowing the producer down.
            Context requestContext = Vertx.currentContext();
            // Our own view of the future, so timing out never cancels the send (the slot stays taken until it settles).
            return Uni.createFrom().<Void>emitter(em -> settled.whenComplete((ignored, failure) -> {
                        Runnable settle = () -> {
                            if (failure == null) {
                                em.complete(null);
                            } else {
                                em.fail(failure);
                            }
                        };
                        if (requestContext == null) {
                            settle.run();
                        } else {
                            requestContext.runOnContext(v -> settle.run());
                        }
                    }))
                    .ifNoItem().after(config.sendTimeout()).fail()
                    .<Append>map(ignored -> new Append.Acked())
                    .onFailure().recoverWithItem(failure -> {
                        LOG.warnf("vote %s not acknowledged by the log: %s", vote.eventId(), failure.toString());
                        return unavailable("the log did not acknowledge the append");
                    });
        });
    }

    public int inFlight() {
        return inFlight.get();
    }

    private Append unavailable(String reason) {
        return new Append.Unavailable(reason, config.retryAfter());
    }
}
