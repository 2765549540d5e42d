package votes.ledger.vote;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Two {@code votes.submitted} batches of one Kafka consumer in flight at most: the one being written and the next,
 * which arrives and is prepared (records made, leaves hashed) meanwhile. {@link VoteConsumer} keeps one pipeline per
 * consumer; consumers hold disjoint partitions, so their pipelines write side by side. A pipeline's writes run
 * strictly one after the other, in arrival order, so transactions commit and offsets are acknowledged in log order,
 * exactly as with one batch at a time; only the work that does not depend on the previous batch's outcome moves ahead
 * of its commit.
 *
 * <p>A write that fails stops every write queued after it (a later batch must never commit before an earlier one
 * of its partition: its leaves would come first in the Merkle log), and the failure reaches the consumer through the
 * next batch's {@link #enqueue}. A batch's own write retries transient failures for ever, so this is the
 * unexpected path; a last batch that fails with no batch after it is logged and left unacknowledged, where
 * {@code ledger_stuck_partition_age_seconds} and readiness see it.
 *
 * <p>Futures rather than chained Unis: a completed future forgets its dependents, so batch n does not keep batch
 * n-1 (and every batch before it) reachable.
 */
final class BatchPipeline {

    private static final Logger LOG = Logger.getLogger(BatchPipeline.class);

    private CompletableFuture<Void> tail = CompletableFuture.completedFuture(null);

    /**
     * Starts {@code write} as soon as the previous batch's write is done (at once if it is), on the caller's Vert.x
     * context when it has one: where the consumer ran each write before the pipeline.
     *
     * @return completes when the previous batch's write is done, failing as it failed: the consumer asks Kafka for
     *         the next batch only then, which bounds the batches in flight to this one and the next
     */
    synchronized Uni<Void> enqueue(Supplier<Uni<Void>> write) {
        CompletableFuture<Void> previous = tail;
        CompletableFuture<Void> mine = new CompletableFuture<>();
        Context context = Vertx.currentContext();
        previous.whenComplete((done, failure) -> {
            if (failure != null) {
                mine.completeExceptionally(failure);
            } else if (context == null) {
                start(write, mine);
            } else {
                context.runOnContext(ignored -> start(write, mine));
            }
        });
        tail = mine;
        return Uni.createFrom().completionStage(previous);
    }

    private static void start(Supplier<Uni<Void>> write, CompletableFuture<Void> mine) {
        Uni<Void> written;
        try {
            written = write.get();
        } catch (RuntimeException e) {
            written = Uni.createFrom().failure(e);
        }
        written.subscribe().with(mine::complete, failure -> {
            LOG.errorf(failure, "a votes.submitted batch was not written; no later batch is written before it");
            mine.completeExceptionally(failure);
        });
    }
}
