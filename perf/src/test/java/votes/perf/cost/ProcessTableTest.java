package votes.perf.cost;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProcessTableTest {

    private static ProcStat proc(long pid, long ppid, long utime, long stime, long cutime, long cstime) {
        return new ProcStat(pid, ppid, utime, stime, cutime, cstime);
    }

    /** A postmaster (10) with two backends (11, 12), one of which has a child (13); an unrelated process (20). */
    private final ProcessTable table = new ProcessTable(List.of(
            proc(1, 0, 1, 1, 0, 0),
            proc(10, 1, 100, 50, 30, 20),
            proc(11, 10, 5, 5, 0, 0),
            proc(12, 10, 7, 3, 0, 0),
            proc(13, 12, 1, 1, 0, 0),
            proc(20, 1, 999, 999, 0, 0)));

    @Test
    void aTreeAddsEveryDescendantAndWhatItsMembersReaped() {
        assertThat(table.treeTicks(10)).hasValue(100 + 50 + 30 + 20 + 10 + 10 + 2);
    }

    @Test
    void aLeafIsItself() {
        assertThat(table.treeTicks(13)).hasValue(2);
    }

    @Test
    void aProcessThatIsGoneHasNoFigure() {
        assertThat(table.treeTicks(99)).isEmpty();
    }

    @Test
    void aTreeListsTheRootAndEveryDescendantButNoOtherProcess() {
        assertThat(table.tree(10)).containsExactlyInAnyOrder(10L, 11L, 12L, 13L).startsWith(10L);
        assertThat(table.tree(99)).isEmpty();
    }
}
