package votes.perf.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TargetsTest {

    @Test
    void everyRequestBelowCapacityIsADistinctPollVoterPair() {
        Targets t = new Targets(List.of("p1", "p2", "p3"), 4);
        Set<String> pairs = new HashSet<>();
        for (long i = 0; i < t.capacity(); i++) {
            assertThat(pairs.add(t.poll(i) + "/" + t.voter(i))).isTrue();
        }
        assertThat(pairs).hasSize(12);
    }

    @Test
    void votersAreUsedUpInOnePollBeforeTheNext() {
        Targets t = new Targets(List.of("p1", "p2"), 3);
        assertThat(t.poll(2)).isEqualTo("p1");
        assertThat(t.poll(3)).isEqualTo("p2");
        assertThat(t.voter(3)).isZero();
    }

    @Test
    void refusesARequestThatWouldRepeatAPair() {
        Targets t = new Targets(List.of("p1"), 3);
        assertThatThrownBy(() -> t.poll(3)).hasMessageContaining("distinct");
    }
}
