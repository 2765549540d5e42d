package votes.ledger.vote;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.helpers.test.UniAssertSubscriber;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class BatchPipelineTest {

    private final BatchPipeline pipeline = new BatchPipeline();
    private final List<String> started = new ArrayList<>();

    @Test
    void aBatchIsWrittenOnlyAfterThePreviousBatchsWriteIsDoneAndTheConsumerIsReleasedThen() {
        CompletableFuture<Void> first = new CompletableFuture<>();
        CompletableFuture<Void> second = new CompletableFuture<>();

        UniAssertSubscriber<Void> afterNone = pipeline.enqueue(write("n", first))
                .subscribe().withSubscriber(UniAssertSubscriber.create());
        UniAssertSubscriber<Void> afterFirst = pipeline.enqueue(write("n+1", second))
                .subscribe().withSubscriber(UniAssertSubscriber.create());

        // The first batch starts at once and frees the consumer; the second waits for the first's write.
        assertThat(started).containsExactly("n");
        afterNone.assertCompleted();
        afterFirst.assertNotTerminated();

        first.complete(null);

        assertThat(started).containsExactly("n", "n+1");
        afterFirst.assertCompleted();
    }

    @Test
    void aFailedWriteStopsEveryLaterWriteAndReachesTheConsumerThroughTheNextBatch() {
        CompletableFuture<Void> first = new CompletableFuture<>();
        pipeline.enqueue(write("n", first)).await().indefinitely();
        UniAssertSubscriber<Void> afterFirst = pipeline.enqueue(write("n+1", new CompletableFuture<>()))
                .subscribe().withSubscriber(UniAssertSubscriber.create());
        UniAssertSubscriber<Void> afterSecond = pipeline.enqueue(write("n+2", new CompletableFuture<>()))
                .subscribe().withSubscriber(UniAssertSubscriber.create());

        first.completeExceptionally(new IllegalStateException("PostgreSQL said no"));

        assertThat(started).containsExactly("n");
        afterFirst.assertFailedWith(IllegalStateException.class, "PostgreSQL said no");
        afterSecond.assertFailedWith(IllegalStateException.class, "PostgreSQL said no");
    }

    @Test
    void aWriteThatThrowsInsteadOfFailingItsUniFailsTheSameWay() {
        pipeline.enqueue(() -> {
            throw new IllegalArgumentException("bug");
        }).await().indefinitely();

        UniAssertSubscriber<Void> after = pipeline.enqueue(write("n+1", new CompletableFuture<>()))
                .subscribe().withSubscriber(UniAssertSubscriber.create());

        assertThat(started).isEmpty();
        after.assertFailedWith(IllegalArgumentException.class, "bug");
    }

    private java.util.function.Supplier<Uni<Void>> write(String name, CompletableFuture<Void> done) {
        return () -> {
            started.add(name);
            return Uni.createFrom().completionStage(done);
        };
    }
}
