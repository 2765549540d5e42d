package votes.perf.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class TierSizingTest {

    private static final Headroom SIXTY = new Headroom(0.6, 3);

    @Test
    void busyCoresAreRateTimesCpuPerVote() {
        assertThat(Tier.busyCores(250_000, 365)).isCloseTo(91.25, within(1e-9));
    }

    @Test
    void podsKeepThePeakAtTheHeadroomUtilisation() {
        TierSizing ingest = TierSizing.of(new Tier("ingest", 365, 1088, 1691, 3271, 4), 365, 250_000, SIXTY);
        assertThat(ingest.pods()).isEqualTo(39); // 91.25 / 0.6 / 4 = 38.02 -> 39
        assertThat(ingest.utilisation(250_000)).isLessThanOrEqualTo(0.6);
    }

    @Test
    void theOneAndAHalfTimesTestFitsTheFleetSizedForThePeak() {
        for (TierSizing s : CapacityModel.sized(CapacityModel.PEAK, CapacityModel.Scenario.QUIET)) {
            assertThat(s.utilisation(CapacityModel.TEST)).as(s.tier().name()).isLessThanOrEqualTo(0.9);
            assertThat(s.p99WaitMillis(CapacityModel.TEST)).as(s.tier().name()).isFinite();
        }
    }

    @Test
    void aSmallTierStillGetsOnePodPerZone() {
        TierSizing tiny = TierSizing.of(new Tier("tiny", 1, 1, 1, 1, 4), 1, 1_000, SIXTY);
        assertThat(tiny.pods()).isEqualTo(3);
    }

    @Test
    void aSaturatedPodWaitsForEver() {
        TierSizing one = new TierSizing(new Tier("one", 1000, 1000, 1000, 1000, 1), 1000, 1000, 1);
        assertThat(one.p99WaitMillis(1000)).isInfinite();
    }

    @Test
    void shardsAreWholePartitionRangesWithinTheWritersHeadroom() {
        int shards = StoresReport.shardsFor(375_000, 87_700);
        assertThat(StoresReport.PARTITIONS % shards).isZero();
        assertThat(375_000.0 / shards).isLessThanOrEqualTo(0.6 * 87_700);
        assertThat(StoresReport.PARTITIONS % (shards - 1) != 0 || 375_000.0 / (shards - 1) > 0.6 * 87_700).isTrue();
    }
}
