package votes.events.poll;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import votes.events.codec.EventCodec;
import votes.events.poll.PollRequest.OptionRequest;
import votes.events.sample.FrozenSample;

class PollRequestTest {

    private static final PollRequest REQUEST = new PollRequest("Lunch?",
            List.of(new OptionRequest("a", "Pizza"), new OptionRequest("b", "Salad")), null,
            Instant.parse("2026-11-21T21:00:00Z"));

    @Test
    void aPollRequestIsWrittenExactlyAsTheFrozenSample() {
        assertThat(EventCodec.toJson(REQUEST)).isEqualTo(FrozenSample.read("poll/poll-request.json"));
    }

    @Test
    void theFrozenSampleReadsBackAsTheSameRequest() {
        assertThat(EventCodec.fromJson(FrozenSample.read("poll/poll-request.json"), PollRequest.class))
                .isEqualTo(REQUEST);
    }

    @Test
    void absentTimesReadAsNullSoAHandWrittenBodyStillMeansOpenNowUntilClosed() {
        PollRequest read = EventCodec.fromJson("{\"title\":\"T\",\"options\":[{\"id\":\"a\",\"label\":\"A\"}]}",
                PollRequest.class);
        assertThat(read.opensAt()).isNull();
        assertThat(read.closesAt()).isNull();
        assertThat(read.options()).containsExactly(new OptionRequest("a", "A"));
    }
}
