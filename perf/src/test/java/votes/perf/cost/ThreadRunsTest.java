package votes.perf.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ThreadRunsTest {

    @TempDir
    Path proc;

    @Test
    void theRunsAreTheThirdFieldOfASchedstatLine() {
        // a line of this machine's /proc/self/schedstat: 2.8 ms on a CPU, no wait, run once
        assertThat(ThreadRuns.parse("2837421 0 1\n")).isEqualTo(1);
        assertThat(ThreadRuns.parse("123456789 987654 4242")).isEqualTo(4242);
        assertThatThrownBy(() -> ThreadRuns.parse("123 456")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aProcessRunsAsOftenAsAllItsThreadsTogether() throws IOException {
        thread(10, 10, "500 7 3");
        thread(10, 11, "900 1 40");
        thread(10, 12, "1 3 2");
        thread(20, 20, "999 999 999");
        assertThat(ThreadRuns.under(proc).of(10)).isEqualTo(45);
    }

    @Test
    void aProcessThatIsGoneHasNoRuns() {
        assertThat(ThreadRuns.under(proc).of(99)).isZero();
    }

    @Test
    void aComponentSampleHoldsItsWholeTreesRuns() {
        ProcessTable table = new ProcessTable(java.util.List.of(new ProcStat(10, 1, 3, 1, 0, 0),
                new ProcStat(11, 10, 1, 0, 0, 0), new ProcStat(20, 1, 1, 0, 0, 0)));
        ThreadRuns runs = pid -> pid * 100;
        CpuSample s = Components.parse(java.util.List.of("postgres=10", "redis=20")).sample(table, runs, 7, 100);
        assertThat(s.runs()).containsEntry("postgres", 1000L + 1100L).containsEntry("redis", 2000L);
    }

    private void thread(long pid, long tid, String schedstat) throws IOException {
        Path task = Files.createDirectories(
                proc.resolve(Long.toString(pid)).resolve("task").resolve(Long.toString(tid)));
        Files.writeString(task.resolve("schedstat"), schedstat + "\n");
    }
}
