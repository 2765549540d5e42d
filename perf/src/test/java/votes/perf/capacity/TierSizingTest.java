package votes.perf.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import votes.perf.cost.RateFit;

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
    void aFittedTierPaysEachPodsPerSecondPartOutOfItsShareOfThePeak() {
        Tier ingest = new Tier("ingest", 365, 1088, 1691, 3271, 4);
        TierSizing sizing = TierSizing.ofFit(ingest, new RateFit(413, 112_800, 0.84), 250_000, SIXTY);
        // 44 pods at 413 µs alone; each pod's 112.8 ms/s spread over its 250,000 / pods votes adds ~20 µs a vote.
        assertThat(sizing.micros()).isCloseTo(413 + 112_800.0 * sizing.pods() / 250_000, within(1e-9));
        assertThat(sizing.pods()).isEqualTo(SIXTY.pods(Tier.busyCores(250_000, sizing.micros()), 4));
        assertThat(sizing.utilisation(250_000)).isLessThanOrEqualTo(0.6);
    }

    @Test
    void aFitBelowZeroCountsAsNothingPerVote() {
        Tier realtime = new Tier("realtime", 51, 156, 93, 262, 4);
        TierSizing sizing = TierSizing.ofFit(realtime, new RateFit(-0.9, 25_000, 0.97), 250_000, SIXTY);
        assertThat(sizing.pods()).isEqualTo(3);
        assertThat(sizing.micros()).isCloseTo(25_000.0 * 3 / 250_000, within(1e-9));
    }

    @Test
    void todaysFittedTiersCostAtLeastWhatTheyAreKnownToAndHoldTheTest() {
        for (TierSizing s : CapacityModel.sized(CapacityModel.PEAK, CapacityModel.Scenario.TODAY_FITTED)) {
            assertThat(s.micros()).as(s.tier().name()).isGreaterThanOrEqualTo(Measured.perVoteAtLeast(s.tier()));
            assertThat(s.utilisation(CapacityModel.PEAK)).as(s.tier().name()).isLessThanOrEqualTo(0.6);
            assertThat(s.utilisation(CapacityModel.TEST)).as(s.tier().name()).isLessThanOrEqualTo(0.9);
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
