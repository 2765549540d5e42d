package votes.events.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SseCursorTest {

    private static SseFrame event(long version) {
        return SseFrame.of("tally", version, List.of("{\"version\":" + version + "}"));
    }

    @Test
    void aNewClientGetsTheCurrentState() {
        SseCursor cursor = new SseCursor(LastEventId.NONE);
        cursor.offer(event(0));
        assertThat(cursor.next().version()).isZero();
    }

    @Test
    void aClientWithoutLastEventIdGetsTheCurrentStateFirst() {
        SseCursor cursor = new SseCursor(LastEventId.parse(null));
        cursor.offer(event(5));
        assertThat(cursor.next()).extracting(SseFrame::version).isEqualTo(5L);
        assertThat(cursor.next()).isNull();
    }

    @Test
    void aResumingClientGetsNothingItAlreadySaw() {
        SseCursor cursor = new SseCursor(50);
        cursor.offer(event(50));
        assertThat(cursor.next()).isNull();
        cursor.offer(event(49));
        assertThat(cursor.next()).isNull();
    }

    @Test
    void lastEventIdMeansNeverAVersionAtOrBelowIt() {
        SseCursor cursor = new SseCursor(LastEventId.parse("5"));
        cursor.offer(event(5));
        assertThat(cursor.next()).isNull();
        cursor.offer(event(4));
        assertThat(cursor.next()).isNull();
        cursor.offer(event(6));
        assertThat(cursor.next()).extracting(SseFrame::version).isEqualTo(6L);
    }

    @Test
    void aResumingClientBehindGetsTheCurrentStateAtOnce() {
        SseCursor cursor = new SseCursor(50);
        cursor.offer(event(57));
        assertThat(cursor.next().version()).isEqualTo(57);
    }

    @Test
    void aCachedStateNewerThanLastEventIdIsSentAtOnce() {
        SseCursor cursor = new SseCursor(LastEventId.parse("3"));
        cursor.offer(event(5));
        assertThat(cursor.next()).extracting(SseFrame::version).isEqualTo(5L);
    }

    @Test
    void aSlowClientGetsOnlyTheNewestOfWhatPiledUp() {
        SseCursor cursor = new SseCursor(LastEventId.NONE);
        cursor.offer(event(1));
        cursor.offer(event(3));
        cursor.offer(event(2)); // late and older: never replaces a newer pending state
        assertThat(cursor.next().version()).isEqualTo(3);
        assertThat(cursor.next()).isNull();
        assertThat(cursor.lastSent()).isEqualTo(3);
    }

    @Test
    void versionsNeverGoBackwards() {
        SseCursor cursor = new SseCursor(LastEventId.NONE);
        cursor.offer(event(10));
        cursor.next();
        cursor.offer(event(9));
        assertThat(cursor.next()).isNull();
        assertThat(cursor.lastSent()).isEqualTo(10);
    }
}
