package votes.ingest.log;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;
import votes.events.key.PartitionKeys;
import votes.events.vote.VoteSubmitted;

/**
 * Appends votes to {@code votes.submitted} and reports the broker's ack. In-flight appends are bounded:
 * past {@code vote.log.max-in-flight} a vote is refused at once instead of queueing without limit (a
 * slow broker must not turn into an out-of-memory ingest). A slot is freed when the producer finally
 * settles the record, not when the client gave up waiting, so records stuck in the producer still count.
 *
 * <p>Two ways to Kafka: from the request's event loop into a producer that never waits ({@link DirectAppend}), and
 * when that one cannot take the record at once (no topic metadata yet or any more, no buffer) through the channel's
 * emitter, whose sending thread may wait for them.
 */
@ApplicationScoped
public class VoteLog {

    public static final String CHANNEL = "votes-submitted";
    private static final Logger LOG = Logger.getLogger(VoteLog.class);

    private final MutinyEmitter<VoteSubmitted> emitter;
    private final DirectAppend direct;
    private final VoteLogConfig config;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final Counter directAppends;
    private final Counter channelAppends;

    // The buffer can never outgrow max-in-flight: this class refuses before it would.
    public VoteLog(@Channel(CHANNEL) @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER) MutinyEmitter<VoteSubmitted> emitter,
                   DirectAppend direct, VoteLogConfig config, MeterRegistry metrics) {
        this.emitter = emitter;
        this.direct = direct;
        this.config = config;
        metrics.gauge("votes.append.in.flight", inFlight);
        this.directAppends = route(metrics, "direct", "appended from the request's event loop");
        this.channelAppends = route(metrics, "channel", "appended through the channel's sending thread");
    }

    /** @param wait how long the request waits for the ack (at most {@code vote.log.send-timeout}) */
    public Uni<Append> append(VoteSubmitted vote, Duration wait) {
        return Uni.createFrom().deferred(() -> {
            if (inFlight.incrementAndGet() > config.maxInFlight()) {
                inFlight.decrementAndGet();
                return Uni.createFrom().item(new Append.QueueFull());
            }
            CompletableFuture<Void> settled;
            try {
                settled = send(vote);
            } catch (RuntimeException e) { // the channel is down or refused the message synchronously
                inFlight.decrementAndGet();
                LOG.warnf("vote %s not handed to the log: %s", vote.eventId(), e.toString());
                return Uni.createFrom().item(new Append.Refused("the log refused the append"));
            }
            settled.whenComplete((ignored, failure) -> inFlight.decrementAndGet());
            // The ack arrives on the producer's I/O thread: hand the rest of the request (Redis, JSON, the
            // response) back to the request's event loop instead of slowing the producer down.
            CompletionStage<Boolean> landed = onRequestContext(settled.handle((ignored, failure) -> {
                if (failure != null) {
                    LOG.warnf("vote %s not acknowledged by the log: %s", vote.eventId(), failure.toString());
                }
                return failure == null;
            }), Vertx.currentContext());
            // Our own view of the outcome: timing out must not cancel it (the slot stays taken until the producer
            // settles the record, and the late outcome still settles the voter's reservation).
            return Uni.createFrom().<Boolean>emitter(em -> landed.thenAccept(em::complete))
                    .ifNoItem().after(wait).recoverWithItem(Boolean.FALSE)
                    .map(acked -> acked ? new Append.Acked()
                            : new Append.Unacknowledged("the log did not acknowledge the append", landed));
        });
    }

    private CompletableFuture<Void> send(VoteSubmitted vote) {
        String key = PartitionKeys.vote(vote.pollId(), vote.voterId());
        CompletableFuture<Void> handed = direct.send(key, vote);
        if (handed != null) {
            directAppends.increment();
            return handed;
        }
        channelAppends.increment();
        Message<VoteSubmitted> record = Message.of(vote).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(key).build());
        return emitter.sendMessage(record).subscribeAsCompletionStage();
    }

    private static Counter route(MeterRegistry metrics, String route, String description) {
        return Counter.builder("votes.append.route").tag("route", route).description(description).register(metrics);
    }

    public int inFlight() {
        return inFlight.get();
    }

    private static CompletionStage<Boolean> onRequestContext(CompletionStage<Boolean> outcome, Context requestContext) {
        if (requestContext == null) {
            return outcome;
        }
        CompletableFuture<Boolean> there = new CompletableFuture<>();
        outcome.whenComplete((landed, failure) -> requestContext.runOnContext(v -> there.complete(landed)));
        return there;
    }
}
