package votes.infra.gateway.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.Test;

class ViewerCursorTest {

    @Test
    void aViewerWithoutLastEventIdGetsTheCurrentStateFirst() {
        ViewerCursor cursor = new ViewerCursor(LastEventId.parse(null));
        cursor.offer(event(5));
        assertThat(cursor.next()).extracting(StreamEvent::version).isEqualTo(5L);
        assertThat(cursor.next()).isNull();
    }

    @Test
    void lastEventIdMeansNeverAVersionAtOrBelowIt() {
        ViewerCursor cursor = new ViewerCursor(LastEventId.parse("5"));
        cursor.offer(event(5));
        assertThat(cursor.next()).isNull();
        cursor.offer(event(4));
        assertThat(cursor.next()).isNull();
        cursor.offer(event(6));
        assertThat(cursor.next()).extracting(StreamEvent::version).isEqualTo(6L);
    }

    @Test
    void aCachedStateNewerThanLastEventIdIsSentAtOnce() {
        ViewerCursor cursor = new ViewerCursor(LastEventId.parse("3"));
        cursor.offer(event(5));
        assertThat(cursor.next()).extracting(StreamEvent::version).isEqualTo(5L);
    }

    @Test
    void aSlowViewerKeepsOnlyTheNewestPendingState() {
        ViewerCursor cursor = new ViewerCursor(LastEventId.NONE);
        cursor.offer(event(1));
        cursor.offer(event(3));
        cursor.offer(event(2)); // late and older: never replaces a newer pending state
        assertThat(cursor.next()).extracting(StreamEvent::version).isEqualTo(3L);
        assertThat(cursor.next()).isNull();
        assertThat(cursor.lastSent()).isEqualTo(3);
    }

    @Test
    void versionsToAViewerOnlyGrow() {
        ViewerCursor cursor = new ViewerCursor(LastEventId.NONE);
        cursor.offer(event(9));
        cursor.next();
        cursor.offer(event(8));
        assertThat(cursor.next()).isNull();
    }

    @Test
    void aLastEventIdThatIsNotAVersionCountsAsNone() {
        assertThat(LastEventId.parse("abc")).isEqualTo(LastEventId.NONE);
        assertThat(LastEventId.parse("-2")).isEqualTo(LastEventId.NONE);
        assertThat(LastEventId.parse(" ")).isEqualTo(LastEventId.NONE);
        assertThat(LastEventId.parse(" 12 ")).isEqualTo(12);
    }

    private static StreamEvent event(long version) {
        return new StreamEvent(version, Buffer.buffer("id: " + version + "\ndata: {}\n\n"));
    }
}
