package votes.perf.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ArrivalScheduleTest {

    @Test
    void requestsAreDueAtFixedIntervalsFromThePhaseStart() {
        ArrivalSchedule s = new ArrivalSchedule(1000, 10, 1);
        assertThat(s.intendedOffsetNanos(0)).isZero();
        assertThat(s.intendedOffsetNanos(1)).isEqualTo(1_000_000);
        assertThat(s.intendedOffsetNanos(7)).isEqualTo(7_000_000);
    }

    @Test
    void dueCountGrowsWithElapsedTimeAndStopsAtTheTotal() {
        ArrivalSchedule s = new ArrivalSchedule(1000, 10, 1);
        assertThat(s.dueCount(-1)).isZero();
        assertThat(s.dueCount(0)).isEqualTo(1);
        assertThat(s.dueCount(999_999)).isEqualTo(1);
        assertThat(s.dueCount(1_000_000)).isEqualTo(2);
        assertThat(s.dueCount(60_000_000_000L)).isEqualTo(10);
    }

    @Test
    void aStalledSenderFindsEveryMissedRequestDueAtOnce() {
        // Open model: after a 50 ms stall the next tick owes 50 requests, each still timed from its own intended start.
        ArrivalSchedule s = new ArrivalSchedule(1000, 1000, 1);
        assertThat(s.dueCount(50_000_000)).isEqualTo(51);
    }

    @Test
    void workersShareThePhaseWithoutOverlapOrGaps() {
        ArrivalSchedule s = new ArrivalSchedule(3000, 1001, 3);
        Set<Long> seen = new HashSet<>();
        long total = 0;
        for (int w = 0; w < 3; w++) {
            total += s.countFor(w);
            for (long k = 0; k < s.countFor(w); k++) {
                assertThat(seen.add(s.requestIndex(w, k))).isTrue();
            }
        }
        assertThat(total).isEqualTo(1001);
        assertThat(seen).hasSize(1001).allMatch(j -> j >= 0 && j < 1001);
    }

    @Test
    void eachWorkerIsOwedExactlyItsShareOfTheDueRequests() {
        ArrivalSchedule s = new ArrivalSchedule(1000, 100, 4);
        long elapsed = 9_500_000; // requests 0..9 due
        long sum = 0;
        for (int w = 0; w < 4; w++) {
            sum += s.dueCountFor(w, elapsed);
        }
        assertThat(sum).isEqualTo(10);
        assertThat(s.dueCountFor(0, elapsed)).isEqualTo(3); // 0, 4, 8
        assertThat(s.dueCountFor(3, elapsed)).isEqualTo(2); // 3, 7
        assertThat(s.dueCountFor(2, 0)).isZero();
    }

    @Test
    void aPhaseHoldsRateTimesSecondsRequests() {
        assertThat(ArrivalSchedule.requestsFor(2000, 20)).isEqualTo(40_000);
        assertThat(ArrivalSchedule.requestsFor(0.1, 1)).isEqualTo(1);
    }

    @Test
    void rejectsANonPositiveRate() {
        assertThatThrownBy(() -> new ArrivalSchedule(0, 1, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
