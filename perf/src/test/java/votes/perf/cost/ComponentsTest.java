package votes.perf.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ComponentsTest {

    @Test
    void keepsTheGivenOrderAndConvertsTicksToMicroseconds() {
        Components c = Components.parse(List.of("kafka=10", "postgres=20"));
        assertThat(c.names()).containsExactly("kafka", "postgres");
        ProcessTable table = new ProcessTable(List.of(new ProcStat(10, 1, 3, 1, 0, 0), new ProcStat(20, 1, 1, 0, 0, 0)));
        CpuSample s = c.sample(table, pid -> 0, 7, 100);
        assertThat(s.micros()).containsEntry("kafka", 40_000L).containsEntry("postgres", 10_000L);
        assertThat(s.nanoTime()).isEqualTo(7);
    }

    @Test
    void refusesAPairWithoutPidOrANameTwice() {
        assertThatThrownBy(() -> Components.parse(List.of("kafka"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Components.parse(List.of("kafka=1", "kafka=2"))).isInstanceOf(IllegalArgumentException.class);
    }
}
