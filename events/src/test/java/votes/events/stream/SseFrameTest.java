package votes.events.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class SseFrameTest {

    @Test
    void aFrameIsOneSseEventWithItsVersionAsId() {
        assertThat(SseFrame.of("tally", 7, List.of("{\"version\":7}")).frame().toString())
                .isEqualTo("event: tally\nid: 7\ndata: {\"version\":7}\n\n");
    }

    @Test
    void aFrameWithoutTypeAndWithSeveralDataLinesKeepsEachLine() {
        assertThat(SseFrame.of(null, 2, List.of("one", "two")).frame().toString(StandardCharsets.UTF_8))
                .isEqualTo("id: 2\ndata: one\ndata: two\n\n");
    }

    @Test
    void theNewerOfTwoIsTheHigherVersionAndNullLosesToAnything() {
        SseFrame five = SseFrame.of(null, 5, List.of("x"));
        SseFrame six = SseFrame.of(null, 6, List.of("y"));
        assertThat(SseFrame.newer(five, six)).isSameAs(six);
        assertThat(SseFrame.newer(six, five)).isSameAs(six);
        assertThat(SseFrame.newer(null, five)).isSameAs(five);
        assertThat(SseFrame.newer(five, null)).isSameAs(five);
    }

    @Test
    void retryTellsTheClientHowSoonToComeBack() {
        assertThat(SseFrame.retry(2000).toString()).isEqualTo("retry: 2000\n\n");
    }
}
