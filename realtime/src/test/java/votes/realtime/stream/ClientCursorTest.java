package votes.realtime.stream;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClientCursorTest {

    private static SseEvent event(long version) {
        return SseEvent.tally(version, "{\"version\":" + version + "}");
    }

    @Test
    void aNewClientGetsTheCurrentState() {
        ClientCursor cursor = new ClientCursor(LastEventId.NONE);
        cursor.offer(event(0));
        assertThat(cursor.next().version()).isZero();
    }

    @Test
    void aResumingClientGetsNothingItAlreadySaw() {
        ClientCursor cursor = new ClientCursor(50);
        cursor.offer(event(50));
        assertThat(cursor.next()).isNull();
        cursor.offer(event(49));
        assertThat(cursor.next()).isNull();
    }

    @Test
    void aResumingClientBehindGetsTheCurrentStateAtOnce() {
        ClientCursor cursor = new ClientCursor(50);
        cursor.offer(event(57));
        assertThat(cursor.next().version()).isEqualTo(57);
    }

    @Test
    void aSlowClientGetsOnlyTheNewestOfWhatPiledUp() {
        ClientCursor cursor = new ClientCursor(LastEventId.NONE);
        cursor.offer(event(1));
        cursor.offer(event(3));
        cursor.offer(event(2)); // out of order offers never win over a newer one
        assertThat(cursor.next().version()).isEqualTo(3);
        assertThat(cursor.next()).isNull();
    }

    @Test
    void versionsNeverGoBackwards() {
        ClientCursor cursor = new ClientCursor(LastEventId.NONE);
        cursor.offer(event(10));
        cursor.next();
        cursor.offer(event(9));
        assertThat(cursor.next()).isNull();
        assertThat(cursor.lastSent()).isEqualTo(10);
    }

    @Test
    void lastEventIdThatIsNotAVersionMeansStartFromTheCurrentState() {
        assertThat(LastEventId.parse(null)).isEqualTo(LastEventId.NONE);
        assertThat(LastEventId.parse("abc")).isEqualTo(LastEventId.NONE);
        assertThat(LastEventId.parse("-4")).isEqualTo(LastEventId.NONE);
        assertThat(LastEventId.parse(" 42 ")).isEqualTo(42);
    }

    @Test
    void aFrameIsOneSseEventWithItsVersionAsId() {
        assertThat(event(7).frame().toString()).isEqualTo("event: tally\nid: 7\ndata: {\"version\":7}\n\n");
    }
}
