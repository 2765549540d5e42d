package votes.projections.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
import static org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;

class StreamThreadReplacementTest {

    private static final Duration WINDOW = Duration.ofMinutes(10);
    private final AtomicLong now = new AtomicLong();
    private final StreamThreadReplacement handler = new StreamThreadReplacement(3, WINDOW, now::get);

    @Test
    void aThreadThatDiesOfAPassingFaultIsReplaced() {
        assertThat(handler.handle(new TimeoutException("broker gone"))).isEqualTo(REPLACE_THREAD);
    }

    @Test
    void deathsBeyondTheBudgetWithinTheWindowShutTheClientDown() {
        for (int death = 0; death < 3; death++) {
            now.addAndGet(Duration.ofMinutes(1).toNanos());
            assertThat(handler.handle(new IllegalStateException("death " + death))).isEqualTo(REPLACE_THREAD);
        }

        assertThat(handler.handle(new IllegalStateException("a fourth within ten minutes"))).isEqualTo(SHUTDOWN_CLIENT);
    }

    @Test
    void replacementsOlderThanTheWindowNoLongerCount() {
        for (int death = 0; death < 3; death++) {
            handler.handle(new IllegalStateException("death " + death));
        }
        now.addAndGet(WINDOW.toNanos());

        assertThat(handler.handle(new IllegalStateException("ten minutes later"))).isEqualTo(REPLACE_THREAD);
    }
}
