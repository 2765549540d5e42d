package votes.ledger.poll;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * In a rebuild (a ledger filling an empty database from the log, {@code ledger.rebuild}), votes wait until the poll
 * projector has applied poll-events up to where it ended when the ledger started. A live ledger meets a poll's
 * {@code PollCreated} before its votes (or waits the unknown-poll grace for it); a rebuild reads both topics from
 * offset 0 at once, and a vote consumed before its poll would be judged {@code poll-not-found} — the replay, which
 * folds every poll first, would disagree. Outside a rebuild the gate is open from the start.
 *
 * <p>"Applied" is counted by the projector itself ({@link #applied}); the end offsets are those of the partitions
 * assigned to this instance (a rebuild runs one ledger). poll-events is written without transactions, so its offsets
 * are contiguous and the last record sits at end - 1.
 */
@ApplicationScoped
public class PollsFolded {

    private static final Logger LOG = Logger.getLogger(PollsFolded.class);
    private static final String CHANNEL = "poll-events-in";

    private final boolean rebuild;
    private final KafkaClientService clients;
    private final Vertx vertx;
    private final Duration check;
    private final CompletableFuture<Void> folded = new CompletableFuture<>();
    private final Map<Integer, Long> appliedNext = new ConcurrentHashMap<>();
    private volatile Map<Integer, Long> target;
    private volatile long timerId = -1;

    PollsFolded(KafkaClientService clients, Vertx vertx, @ConfigProperty(name = "ledger.rebuild") boolean rebuild,
                @ConfigProperty(name = "ledger.rebuild.check-interval") Duration check) {
        this.clients = clients;
        this.vertx = vertx;
        this.rebuild = rebuild;
        this.check = check;
        if (!rebuild) {
            folded.complete(null);
        }
    }

    void start(@Observes StartupEvent startup) {
        if (rebuild) {
            LOG.info("rebuild: votes wait until poll-events is applied to where it ends now");
            timerId = vertx.setPeriodic(check.toMillis(), id -> look());
        }
    }

    void stop(@Observes ShutdownEvent shutdown) {
        if (timerId >= 0) {
            vertx.cancelTimer(timerId);
        }
    }

    /** Completes once votes may be judged. */
    public Uni<Void> opened() {
        return folded.isDone() ? Uni.createFrom().voidItem() : Uni.createFrom().completionStage(folded);
    }

    /** The projector applied (or skipped) this record of poll-events. */
    public void applied(int partition, long offset) {
        appliedNext.merge(partition, offset + 1, Math::max);
        if (target != null) {
            openIfFolded();
        }
    }

    private void look() {
        if (folded.isDone()) {
            vertx.cancelTimer(timerId);
            return;
        }
        if (target != null) {
            openIfFolded();
            return;
        }
        KafkaConsumer<Object, Object> consumer = clients.getConsumer(CHANNEL);
        if (consumer == null) {
            return;
        }
        consumer.runOnPollingThread(c -> {
                    var assigned = c.assignment();
                    if (assigned.isEmpty()) {
                        return null;
                    }
                    Map<Integer, Long> ends = new ConcurrentHashMap<>();
                    c.endOffsets(assigned, check.multipliedBy(10)).forEach((TopicPartition tp, Long end) ->
                            ends.put(tp.partition(), end));
                    return ends;
                })
                .subscribe().with(ends -> {
                    if (ends != null && target == null) {
                        target = Map.copyOf(ends);
                        LOG.infof("rebuild: applying poll-events up to %s before any vote", target);
                        openIfFolded();
                    }
                }, failure -> LOG.debugf("rebuild: poll-events' end not known yet: %s", failure.toString()));
    }

    private void openIfFolded() {
        boolean done = target.entrySet().stream()
                .allMatch(end -> appliedNext.getOrDefault(end.getKey(), 0L) >= end.getValue());
        if (done && folded.complete(null)) {
            LOG.infof("rebuild: poll-events applied up to %s; judging votes", target);
        }
    }
}
