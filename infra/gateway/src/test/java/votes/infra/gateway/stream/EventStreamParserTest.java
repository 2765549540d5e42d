package votes.infra.gateway.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import votes.events.stream.SseFrame;
import votes.events.stream.SseParser;

class EventStreamParserTest {

    private static final String TALLY = "event: tally\nid: 7\ndata: {\"pollId\":\"p-1\",\"label\":\"Ünïcødé ✓\"}\n\n";

    private final List<SseFrame> events = new ArrayList<>();
    private final EventStreamParser parser = new EventStreamParser(events::add);

    @Test
    void aTallyEventIsPassedOnWithItsVersionAndTheSameFrame() {
        feed("retry: 2000\n\n" + TALLY);
        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.version()).isEqualTo(7);
            assertThat(e.frame().toString(StandardCharsets.UTF_8)).isEqualTo(TALLY);
        });
    }

    @Test
    void bytesSplitAnywhereEvenInsideACharacterGiveTheSameEvent() {
        byte[] bytes = TALLY.getBytes(StandardCharsets.UTF_8);
        for (byte b : bytes) {
            parser.feed(new byte[] {b});
        }
        assertThat(events).singleElement()
                .satisfies(e -> assertThat(e.frame().toString(StandardCharsets.UTF_8)).isEqualTo(TALLY));
    }

    @Test
    void crlfAndBareCrEndLinesToo() {
        feed("event: tally\r\nid: 8\r\ndata: {}\r\n\r\nid: 9\rdata: {}\r\r");
        assertThat(events).extracting(SseFrame::version).containsExactly(8L, 9L);
        assertThat(events.get(1).frame().toString(StandardCharsets.UTF_8)).isEqualTo("id: 9\ndata: {}\n\n");
    }

    @Test
    void commentsAndRetryAreNotPassedOn() {
        feed(": keep-alive\n\nretry: 2000\n\n: hello\nid: 3\ndata: x\n\n");
        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.version()).isEqualTo(3);
            assertThat(e.frame().toString(StandardCharsets.UTF_8)).isEqualTo("id: 3\ndata: x\n\n");
        });
    }

    @Test
    void anEventWithoutAVersionIsDroppedAndCounted() {
        feed("data: no id\n\nid: soon\ndata: x\n\nid: -4\ndata: y\n\nid: 5\ndata: z\n\n");
        assertThat(events).extracting(SseFrame::version).containsExactly(5L);
        assertThat(parser.dropped()).isEqualTo(3);
    }

    @Test
    void theIdDoesNotCarryOverToTheNextEvent() {
        feed("id: 4\ndata: a\n\ndata: b\n\n");
        assertThat(events).extracting(SseFrame::version).containsExactly(4L);
    }

    @Test
    void multiLineDataStaysOneEvent() {
        feed("id: 2\ndata: one\ndata: two\n\n");
        assertThat(events).singleElement().satisfies(e ->
                assertThat(e.frame().toString(StandardCharsets.UTF_8)).isEqualTo("id: 2\ndata: one\ndata: two\n\n"));
    }

    @Test
    void anOversizedEventIsDroppedAndTheNextOneStillParses() {
        String huge = "id: 1\ndata: " + "x".repeat(SseParser.MAX_EVENT_BYTES) + "\ndata: more\n\n";
        feed(huge + "id: 2\ndata: ok\n\n");
        assertThat(events).extracting(SseFrame::version).containsExactly(2L);
        assertThat(parser.dropped()).isEqualTo(1);
    }

    private void feed(String text) {
        parser.feed(text.getBytes(StandardCharsets.UTF_8));
    }
}
