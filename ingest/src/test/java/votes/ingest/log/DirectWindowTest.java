package votes.ingest.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DirectWindowTest {

    private static final long SECOND = Duration.ofSeconds(1).toNanos();

    @Test
    void closedUntilTheFirstAckEvenAtTheStartOfTheClock() {
        DirectWindow window = new DirectWindow(Duration.ofMinutes(2));

        assertThat(window.open(0)).isFalse();
        assertThat(window.open(Long.MIN_VALUE)).isFalse();
        assertThat(window.open(Long.MAX_VALUE)).isFalse();
    }

    @Test
    void anAckOpensItForTheWindowThenItClosesUntilTheNextAck() {
        DirectWindow window = new DirectWindow(Duration.ofSeconds(120));
        long ack = -5 * SECOND; // nanoTime may be negative

        window.acked(ack);

        assertThat(window.open(ack)).isTrue();
        assertThat(window.open(ack + 119 * SECOND)).isTrue();
        assertThat(window.open(ack + 120 * SECOND)).isFalse();
        window.acked(ack + 200 * SECOND);
        assertThat(window.open(ack + 201 * SECOND)).isTrue();
    }

    @Test
    void aZeroWindowNeverOpens() {
        DirectWindow window = new DirectWindow(Duration.ZERO);

        window.acked(10 * SECOND);

        assertThat(window.open(10 * SECOND)).isFalse();
    }
}
