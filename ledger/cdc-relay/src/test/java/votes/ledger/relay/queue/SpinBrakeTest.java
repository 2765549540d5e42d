package votes.ledger.relay.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpinBrakeTest {

    /** 12:00:00.007 and 400 µs on the wall clock, in nanoseconds since the epoch. */
    private static final long MID_MILLISECOND = 1_700_000_000_007_400_000L;

    private long now = MID_MILLISECOND;
    private final List<Long> parks = new ArrayList<>();
    private final SpinBrake brake = new SpinBrake(() -> now, parks::add);

    @Test
    void aThreadThatKeepsFindingTheQueueEmptyWithinOneMillisecondIsParkedJustPastItsEnd() {
        for (int look = 1; look < SpinBrake.LOOKS_BEFORE_PARK; look++) {
            brake.emptyLook();
            now += 1_000;
        }
        assertThat(parks).isEmpty();

        brake.emptyLook();

        long rest = 1_000_000 - (now % 1_000_000);
        assertThat(parks).hasSize(1);
        assertThat(parks.get(0)).isGreaterThan(rest).isLessThan(rest + 100_000);
        assertThat(now + parks.get(0)).as("wakes in the next millisecond")
                .isBetween((MID_MILLISECOND / 1_000_000 + 1) * 1_000_000, (MID_MILLISECOND / 1_000_000 + 2) * 1_000_000);
    }

    @Test
    void anHonestPollsFewLooksInAMillisecondAreNeverParked() {
        for (int millisecond = 0; millisecond < 50; millisecond++) {
            brake.emptyLook();
            brake.emptyLook();
            now += 1_000_000;
        }
        assertThat(parks).isEmpty();
    }

    @Test
    void aQueueThatHeldSomethingStartsTheCountAgain() {
        for (int look = 1; look < SpinBrake.LOOKS_BEFORE_PARK; look++) {
            brake.emptyLook();
        }
        brake.filled();
        for (int look = 1; look < SpinBrake.LOOKS_BEFORE_PARK; look++) {
            brake.emptyLook();
        }
        assertThat(parks).isEmpty();
    }

    @Test
    void anotherThreadsLookDoesNotCountTowardsTheSpinnersPark() throws InterruptedException {
        for (int look = 1; look < SpinBrake.LOOKS_BEFORE_PARK; look++) {
            brake.emptyLook();
        }
        Thread producer = new Thread(brake::emptyLook);
        producer.start();
        producer.join();
        assertThat(parks).as("the other thread's first look").isEmpty();

        for (int look = 1; look < SpinBrake.LOOKS_BEFORE_PARK; look++) {
            brake.emptyLook();
        }
        assertThat(parks).as("the count started again at the switch").isEmpty();
        brake.emptyLook();
        assertThat(parks).hasSize(1);
    }
}
