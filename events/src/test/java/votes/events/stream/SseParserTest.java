package votes.events.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SseParserTest {

    private static final String TALLY = "event: tally\nid: 7\ndata: {\"pollId\":\"p-1\",\"label\":\"Ünïcødé ✓\"}\n\n";

    private final List<SseParser.Event> events = new ArrayList<>();
    private final SseParser parser = new SseParser(events::add);

    @Test
    void anEventHandsOnItsTypeIdAndDataAsSent() {
        feed(TALLY);
        assertThat(events).containsExactly(
                new SseParser.Event("tally", "7", List.of("{\"pollId\":\"p-1\",\"label\":\"Ünïcødé ✓\"}")));
    }

    @Test
    void bytesSplitAnywhereEvenInsideACharacterGiveTheSameEvent() {
        for (byte b : TALLY.getBytes(StandardCharsets.UTF_8)) {
            parser.feed(new byte[] {b});
        }
        assertThat(events).singleElement().extracting(SseParser.Event::data)
                .isEqualTo(List.of("{\"pollId\":\"p-1\",\"label\":\"Ünïcødé ✓\"}"));
    }

    @Test
    void crlfAndBareCrEndLinesToo() {
        feed("event: tally\r\nid: 8\r\ndata: {}\r\n\r\nid: 9\rdata: {}\r\r");
        assertThat(events).extracting(SseParser.Event::id).containsExactly("8", "9");
        assertThat(events.get(1).type()).isNull();
    }

    @Test
    void commentsAndRetryDispatchNothing() {
        feed(": keep-alive\n\nretry: 2000\n\n: hello\nid: 3\ndata: x\n\n");
        assertThat(events).containsExactly(new SseParser.Event(null, "3", List.of("x")));
    }

    @Test
    void anEventWithoutIdIsHandedOnForTheReaderToJudge() {
        feed("data: no id\n\nid: soon\ndata: x\n\n");
        assertThat(events).extracting(SseParser.Event::id).containsExactly(null, "soon");
    }

    @Test
    void theIdAndTypeDoNotCarryOverToTheNextEvent() {
        feed("event: tally\nid: 4\ndata: a\n\ndata: b\n\n");
        assertThat(events.get(1)).isEqualTo(new SseParser.Event(null, null, List.of("b")));
    }

    @Test
    void multiLineDataStaysOneEvent() {
        feed("id: 2\ndata: one\ndata: two\n\n");
        assertThat(events).singleElement().extracting(SseParser.Event::data).isEqualTo(List.of("one", "two"));
    }

    @Test
    void anOversizedEventIsDroppedAndCountedAndTheNextOneStillParses() {
        feed("id: 1\ndata: " + "x".repeat(SseParser.MAX_EVENT_BYTES) + "\ndata: more\n\nid: 2\ndata: ok\n\n");
        assertThat(events).extracting(SseParser.Event::id).containsExactly("2");
        assertThat(parser.oversized()).isEqualTo(1);
    }

    @Test
    void aBlankLineWithoutDataDispatchesNothing() {
        feed("\n\nid: 1\n\n\n");
        assertThat(events).isEmpty();
    }

    private void feed(String text) {
        parser.feed(text.getBytes(StandardCharsets.UTF_8));
    }
}
