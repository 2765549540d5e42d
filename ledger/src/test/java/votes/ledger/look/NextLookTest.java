package votes.ledger.look;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.vertx.mutiny.core.Vertx;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class NextLookTest {

    private static final long FAR_MS = Duration.ofHours(1).toMillis();

    private final Vertx vertx = Vertx.vertx();
    private final AtomicInteger looks = new AtomicInteger();
    private final NextLook next = new NextLook(vertx, looks::incrementAndGet);

    @AfterEach
    void close() {
        next.stop();
        vertx.closeAndAwait();
    }

    @Test
    void noLookIsArmedBeforeOneIsAskedFor() {
        assertThat(next.armed()).isFalse();
        assertThat(looks).hasValue(0);
    }

    @Test
    void aSoonerAskBringsTheLookForwardAndItFiresOnce() {
        next.within(FAR_MS);
        next.within(1);

        await().atMost(Duration.ofSeconds(10)).untilAtomic(looks, equalTo(1));
        assertThat(next.armed()).as("the far look was replaced, not kept").isFalse();
    }

    @Test
    void aLaterAskDoesNotPostponeTheArmedLook() {
        next.within(1);
        next.within(FAR_MS);

        await().atMost(Duration.ofSeconds(10)).untilAtomic(looks, equalTo(1));
        assertThat(next.armed()).as("the later ask was dropped").isFalse();
    }

    @Test
    void aFiredLookIsGoneUntilTheNextAsk() {
        next.within(1);
        await().atMost(Duration.ofSeconds(10)).untilAtomic(looks, equalTo(1));

        next.within(FAR_MS);

        assertThat(next.armed()).isTrue();
    }

    @Test
    void aStoppedLookNeverFiresAndIgnoresLaterAsks() {
        next.within(FAR_MS);
        next.stop();
        next.within(1);

        assertThat(next.armed()).isFalse();
        assertThat(looks).hasValue(0);
    }
}
