package votes.projections.partition;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CoPartitioningTest {

    @Test
    void equalCountsAreCoPartitioned() {
        assertThatCode(() -> CoPartitioning.verify(Map.of("ledger.tally-deltas", 6, "ledger.polls", 6)))
                .doesNotThrowAnyException();
    }

    @Test
    void differentCountsAreRefusedWithEachTopicsCountAndWhatToDo() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("ledger.tally-deltas", 6);
        counts.put("ledger.polls", 3);

        assertThatThrownBy(() -> CoPartitioning.verify(counts))
                .isInstanceOf(CoPartitioning.MismatchedPartitionsException.class)
                .hasMessageContaining("ledger.tally-deltas (6 partitions) and ledger.polls (3 partitions)")
                .hasMessageContaining("Grow the smaller topic");
    }
}
