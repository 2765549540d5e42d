package votes.infra.rebuild;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class CheckpointHeadsTest {

    /** Checkpoints 1-4: log 0 at 3 (1-2), 8 (3), 12 (4); log 1 at 5 (1-4). */
    static final String PSQL = String.join("\n",
            "0|3|" + "a".repeat(64) + "|1|2",
            "0|8|" + "b".repeat(64) + "|3|3",
            "0|12|" + "c".repeat(64) + "|4|4",
            "1|5|" + "d".repeat(64) + "|1|4",
            "-1|4||1|4");

    @Test
    void distinctHeadsAndTheTableSummaryAreRead() {
        CheckpointHeads heads = CheckpointHeads.parse(PSQL);

        assertThat(heads.heads()).hasSize(4);
        assertThat(heads.count()).isEqualTo(4);
        assertThat(heads.first()).isEqualTo(1);
        assertThat(heads.last()).isEqualTo(4);
        assertThat(heads.upTo(2)).extracting(CheckpointHeads.Head::size).containsExactly(3L, 5L);
    }

    @Test
    void everyCheckpointIsCoveredByLogsAsLongAsTheOriginals() {
        assertThat(CheckpointHeads.parse(PSQL).lastCovered(Map.of(0, 12L, 1, 5L))).hasValue(4);
    }

    @Test
    void coverageStopsBeforeTheFirstCheckpointStatingALogPastTheRebuiltOne() {
        CheckpointHeads heads = CheckpointHeads.parse(PSQL);

        assertThat(heads.lastCovered(Map.of(0, 10L, 1, 5L))).hasValue(3);
        assertThat(heads.lastCovered(Map.of(0, 12L, 1, 4L))).isEqualTo(OptionalLong.empty());
        assertThat(heads.lastCovered(Map.of(1, 5L))).isEqualTo(OptionalLong.empty());
    }

    @Test
    void noCheckpointsCoverNothing() {
        assertThat(CheckpointHeads.parse("-1|0||0|0").lastCovered(Map.of(0, 3L))).isEmpty();
    }
}
