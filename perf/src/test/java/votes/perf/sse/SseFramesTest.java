package votes.perf.sse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SseFramesTest {

    @Test
    void framesSplitAnywhereAreReassembledAndCommentsAndRetryDispatchNothing() {
        List<SseFrames.Event> got = new ArrayList<>();
        SseFrames frames = new SseFrames(got::add);
        String stream = "retry: 2000\n\n: keep-alive\n\nevent: tally\nid: 7\ndata: {\"pollId\":\"p\",\"totalVotes\":42,\"version\":7}\n\n"
                + "event: tally\r\nid: 8\r\ndata: {\"totalVotes\": 43}\r\n\r\n";
        byte[] bytes = stream.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i += 5) {
            frames.feed(Arrays.copyOfRange(bytes, i, Math.min(bytes.length, i + 5)));
        }
        assertThat(got).hasSize(2);
        assertThat(got.get(0).id()).isEqualTo(7);
        assertThat(got.get(0).longField("totalVotes")).isEqualTo(42);
        assertThat(got.get(1).id()).isEqualTo(8);
        assertThat(got.get(1).longField("totalVotes")).isEqualTo(43);
        assertThat(got.get(1).longField("missing")).isEqualTo(-1);
    }
}
