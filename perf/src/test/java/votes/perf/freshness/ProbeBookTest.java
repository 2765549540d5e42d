package votes.perf.freshness;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProbeBookTest {

    @Test
    void freshnessRunsFromThe202ToTheFirstFrameCountingTheProbe() {
        ProbeBook book = new ProbeBook(1);
        ProbeBook.Probe p = book.next().orElseThrow();
        assertThat(p).isEqualTo(new ProbeBook.Probe(0, 1));
        book.accepted(0, 1_000_000);
        book.tally(0, 0, 2_000_000);          // the zero tally does not include it
        book.tally(0, 1, 41_000_000);         // this one does
        book.tally(0, 1, 90_000_000);         // later frames change nothing
        assertThat(book.completed()).isEqualTo(1);
        assertThat(book.freshness().getValueAtPercentile(50)).isBetween(39_950L, 40_050L); // µs
    }

    @Test
    void aPollGetsItsNextProbeOnlyAfterThePreviousWasSeenSoTheCountIdentifiesIt() {
        ProbeBook book = new ProbeBook(2);
        assertThat(book.next()).contains(new ProbeBook.Probe(0, 1));
        assertThat(book.next()).contains(new ProbeBook.Probe(1, 1));
        assertThat(book.next()).isEmpty();     // poll 0 still waits: slot skipped
        assertThat(book.skipped()).isEqualTo(1);
        book.accepted(0, 0);
        book.tally(0, 1, 5_000_000);
        assertThat(book.next()).isEmpty();     // round robin: poll 1's slot, still pending
        assertThat(book.next()).contains(new ProbeBook.Probe(0, 2));
        book.accepted(0, 10_000_000);
        book.tally(0, 1, 20_000_000);         // still one vote: the second probe is not in yet
        assertThat(book.completed()).isEqualTo(1);
        book.tally(0, 2, 30_000_000);
        assertThat(book.completed()).isEqualTo(2);
        assertThat(book.maxProbe()).isEqualTo(2);
    }

    @Test
    void aFrameBeforeThe202CountsAsZeroAndIsCounted() {
        ProbeBook book = new ProbeBook(1);
        book.next();
        book.tally(0, 1, 5_000_000);
        assertThat(book.completed()).isZero();
        book.accepted(0, 9_000_000);
        assertThat(book.completed()).isEqualTo(1);
        assertThat(book.seenBefore202()).isEqualTo(1);
        assertThat(book.freshness().getMaxValue()).isZero();
    }

    @Test
    void aRefusedProbeRetiresItsPoll() {
        ProbeBook book = new ProbeBook(1);
        book.next();
        book.refused(0);
        assertThat(book.next()).isEmpty();
        assertThat(book.refused()).isEqualTo(1);
        assertThat(book.pendingCount()).isZero();
    }

    @Test
    void resetDropsFiguresButKeepsPendingProbes() {
        ProbeBook book = new ProbeBook(1);
        book.next();
        book.accepted(0, 0);
        book.resetFigures();
        book.tally(0, 1, 3_000_000);
        assertThat(book.completed()).isEqualTo(1);
        assertThat(book.started()).isZero();
    }

    @Test
    void postToFrameIsKeptNextToTheFigureFromThe202() {
        ProbeBook book = new ProbeBook(1);
        book.next();
        book.posted(0, 0);
        book.tally(0, 1, 300_000_000);       // the frame beats a slow 202
        book.accepted(0, 500_000_000);
        assertThat(book.freshness().getMaxValue()).isZero();
        assertThat(book.fromPost().getValueAtPercentile(50)).isBetween(299_000L, 301_000L);
    }
}
