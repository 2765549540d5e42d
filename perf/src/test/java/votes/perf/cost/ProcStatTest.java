package votes.perf.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ProcStatTest {

    /** A real line of a JVM (Linux 5.x): 52 fields. */
    static final String JAVA = "23051 (java) S 1 23040 23040 0 -1 1077936192 119186 0 3 0 4411 1207 5 2 20 0 61 0 "
            + "4693345 3921252352 142385 18446744073709551615 94185148387328 94185148388150 140730950366912 0 0 0 0 "
            + "0 16800975 0 0 0 17 1 0 0 0 0 0 94185148398064 94185148398700 94185175425024 140730950373985 "
            + "140730950374450 140730950374450 140730950377437 0";

    @Test
    void readsParentAndTheFourCpuCounters() {
        ProcStat p = ProcStat.parse(JAVA);
        assertThat(p.pid()).isEqualTo(23051);
        assertThat(p.ppid()).isEqualTo(1);
        assertThat(p.utime()).isEqualTo(4411);
        assertThat(p.stime()).isEqualTo(1207);
        assertThat(p.cutime()).isEqualTo(5);
        assertThat(p.cstime()).isEqualTo(2);
        assertThat(p.ticks()).isEqualTo(4411 + 1207 + 5 + 2);
    }

    @Test
    void aCommandWithSpacesAndParenthesesDoesNotShiftTheFields() {
        String line = JAVA.replace("(java)", "(postgres: votes (x) idle)");
        ProcStat p = ProcStat.parse(line);
        assertThat(p.utime()).isEqualTo(4411);
        assertThat(p.ppid()).isEqualTo(1);
    }

    @Test
    void refusesATruncatedLine() {
        assertThatThrownBy(() -> ProcStat.parse("12 (x) S 1 2 3")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ProcStat.parse("not a stat line")).isInstanceOf(IllegalArgumentException.class);
    }
}
