package votes.perf.freshness;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class HopBookTest {

    @Test
    void aProbeSeenAtEveryStageGivesEachHopItsDifferenceAndTheEndToEndTheirSum() {
        HopBook book = new HopBook(List.of("p0"));
        book.expect(0, 1);
        book.mark(0, Hop.ACCEPTED, 1, 1_000_000);
        book.delta(0, 1, 1_010_000, 1_040_000, 1_045_000);
        book.mark(0, Hop.TALLY_READ, 1, 1_120_000);
        assertThat(legs(book).get(0).latency().count()).isZero(); // no frame yet: nothing recorded
        book.mark(0, Hop.FRAMED, 1, 1_150_000);

        List<HopBook.Leg> legs = legs(book);
        assertThat(legs).extracting(HopBook.Leg::name).containsExactly("202 -> ledger commit",
                "ledger commit -> relay send", "relay send -> tally-deltas read", "tally-deltas read -> vote-tallies read",
                "vote-tallies read -> SSE frame", "202 -> SSE frame (same probes)");
        // ms, to the histogram's 3 significant digits
        assertThat(legs).extracting(l -> Math.round(l.latency().p50())).containsExactly(10L, 30L, 5L, 75L, 30L, 150L);
    }

    @Test
    void eachStageCountsOnlyOnceItsRunningCountReachesTheProbeAwaited() {
        HopBook book = new HopBook(List.of("p0", "p1"));
        assertThat(book.poll("p1")).isEqualTo(1);
        assertThat(book.poll("a load poll")).isEqualTo(-1);
        book.expect(0, 2);                                  // the poll's first probe already passed
        book.mark(0, Hop.TALLY_READ, 1, 5_000);             // an old tally: not this probe's
        book.delta(0, 1, 0, 0, 0);                          // the first probe's delta: running count 1
        book.mark(0, Hop.ACCEPTED, 2, 10_000);
        book.delta(0, 1, 20_000, 30_000, 40_000);           // running count 2: the second probe's
        book.mark(0, Hop.TALLY_READ, 2, 50_000);
        book.mark(0, Hop.FRAMED, 2, 60_000);
        book.mark(0, Hop.FRAMED, 2, 99_000);                // a later frame changes nothing
        assertThat(legs(book)).extracting(l -> Math.round(l.latency().p50())).containsExactly(10L, 10L, 10L, 10L, 10L, 50L);
    }

    @Test
    void aStageAheadOfThe202IsRecordedAsZeroAndCounted() {
        HopBook book = new HopBook(List.of("p0"));
        book.expect(0, 1);
        book.delta(0, 1, 5_000, 6_000, 7_000);              // committed before the client saw its 202
        book.mark(0, Hop.ACCEPTED, 1, 8_000);
        book.mark(0, Hop.TALLY_READ, 1, 9_000);
        book.mark(0, Hop.FRAMED, 1, 10_000);
        assertThat(book.early()).isEqualTo(1);
        assertThat(legs(book).get(0).latency().max()).isZero();
        book.resetFigures();
        assertThat(book.early()).isZero();
        assertThat(legs(book).get(0).latency().count()).isZero();
    }

    private static List<HopBook.Leg> legs(HopBook book) {
        return book.legs();
    }
}
