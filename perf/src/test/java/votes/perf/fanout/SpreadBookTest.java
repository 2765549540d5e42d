package votes.perf.fanout;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SpreadBookTest {

    private static final long MS = 1_000_000;

    @Test
    void spreadIsFromTheFirstClientToTheLastAndLateClientsAreNotOnTime() {
        SpreadBook book = new SpreadBook(3);
        for (int c = 0; c < 3; c++) {
            book.received(c, 5, 0);           // initial state: at or below the baseline
        }
        book.received(0, 6, 100 * MS);
        book.received(1, 6, 300 * MS);
        book.received(2, 6, 1_600 * MS);     // 1.5 s after the first: late
        SpreadBook.Summary s = book.summarize(5, 5_000 * MS, 1_000 * MS);
        assertThat(s.updates()).hasSize(1);
        SpreadBook.Update u = s.updates().get(0);
        assertThat(u.version()).isEqualTo(6);
        assertThat(u.onTime()).isEqualTo(2);
        assertThat(u.reached()).isEqualTo(3);
        assertThat(u.spreadMicros()).isEqualTo(1_500_000);
        assertThat(s.onTimeFraction()).isEqualTo(2 / 3d);
    }

    @Test
    void aClientThatSkippedToANewerVersionHasTheOlderOneFromThen() {
        SpreadBook book = new SpreadBook(2);
        book.received(0, 1, 10 * MS);
        book.received(0, 2, 20 * MS);
        book.received(1, 2, 50 * MS);        // coalesced: version 1 never sent to this client
        SpreadBook.Summary s = book.summarize(0, 5_000 * MS, 1_000 * MS);
        assertThat(s.updates()).extracting(SpreadBook.Update::version).containsExactly(1L, 2L);
        assertThat(s.updates().get(0).spreadMicros()).isEqualTo(40_000);
        assertThat(s.onTimeFraction()).isEqualTo(1.0);
    }

    @Test
    void clientsThatNeverGotAnUpdateAreLateAndUpdatesTooCloseToTheEndAreNotJudged() {
        SpreadBook book = new SpreadBook(2);
        book.received(0, 1, 0);
        book.received(0, 2, 4_500 * MS);     // less than the window before the end: not judged
        SpreadBook.Summary s = book.summarize(0, 5_000 * MS, 1_000 * MS);
        assertThat(s.updates()).hasSize(1);
        assertThat(s.updates().get(0).onTime()).isEqualTo(1);
        assertThat(s.worstUpdateFraction()).isEqualTo(0.5);
    }

    @Test
    void highestUpToIsTheBaselineAtAMoment() {
        SpreadBook book = new SpreadBook(2);
        book.received(0, 3, 10);
        book.received(1, 4, 20);
        book.received(1, 9, 30);
        assertThat(book.highestUpTo(25)).isEqualTo(4);
    }
}
