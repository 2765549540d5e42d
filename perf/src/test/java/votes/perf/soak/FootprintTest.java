package votes.perf.soak;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FootprintTest {

    @Test
    void residentMemoryIsReadFromTheVmRssLineInKilobytes() {
        String status = "Name:\tjava\nVmPeak:\t 9000 kB\nVmRSS:\t  312448 kB\nRssAnon:\t 300000 kB\n";
        assertThat(Footprint.rssKb(status)).isEqualTo(312_448);
    }

    @Test
    void aProcessWithoutResidentMemoryLineHoldsNone() {
        assertThat(Footprint.rssKb("Name:\tpostgres\nState:\tZ (zombie)\n")).isZero();
    }
}
