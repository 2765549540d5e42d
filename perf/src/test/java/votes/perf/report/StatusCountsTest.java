package votes.perf.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StatusCountsTest {

    @Test
    void countsEveryNon202AsAnError() {
        StatusCounts c = new StatusCounts();
        for (int i = 0; i < 996; i++) {
            c.record(202);
        }
        c.record(409);
        c.record(429);
        c.record(503);
        c.recordFailure();
        assertThat(c.total()).isEqualTo(1000);
        assertThat(c.errors()).isEqualTo(4);
        assertThat(c.errorRate()).isEqualTo(0.004);
    }

    @Test
    void mergesPerLoopCounts() {
        StatusCounts a = new StatusCounts();
        a.record(202);
        a.record(500);
        StatusCounts b = new StatusCounts();
        b.record(202);
        b.recordUnfinished(2);
        a.add(b);
        assertThat(a.accepted()).isEqualTo(2);
        assertThat(a.otherStatus()).isEqualTo(1);
        assertThat(a.unfinished()).isEqualTo(2);
        assertThat(a.total()).isEqualTo(5);
    }

    @Test
    void aShedRequestIsA503AndItsShareIsTheShedRate() {
        StatusCounts c = new StatusCounts();
        c.record(202);
        c.recordShed();
        c.recordShed();
        c.record(503);
        assertThat(c.unavailable()).isEqualTo(3);
        assertThat(c.shed()).isEqualTo(2);
        assertThat(c.shedRate()).isEqualTo(0.5);
        assertThat(c.toString()).contains("503=3 (shed=2)");
    }

    @Test
    void onlyFailuresUnfinishedDuplicatesAndOddStatusesAreNotAnsweredAsDesigned() {
        StatusCounts c = new StatusCounts();
        c.record(202);
        c.record(429);
        c.recordShed();
        c.record(503);
        assertThat(c.answeredAsDesigned()).isEqualTo(c.total());
        c.record(409);
        c.record(500);
        c.recordFailure();
        c.recordUnfinished(2);
        assertThat(c.answeredAsDesigned()).isEqualTo(4);
        assertThat(c.total()).isEqualTo(9);
    }

    @Test
    void aReadExpects200AndCountsA202AsAnError() {
        StatusCounts c = new StatusCounts(200);
        c.record(200);
        c.record(200);
        c.record(202);
        c.record(404);
        assertThat(c.accepted()).isEqualTo(2);
        assertThat(c.otherStatus()).isEqualTo(2);
        assertThat(c.errors()).isEqualTo(2);
        assertThat(c).hasToString("200=2 409=0 429=0 503=0 (shed=0) other=2 failed=0 unfinished=0");
    }
}
