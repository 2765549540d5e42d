package votes.events.poll;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import votes.events.codec.EventCodec;
import votes.events.sample.FrozenSample;

class PollViewTest {

    private static final Instant T0 = Instant.parse("2026-11-21T20:00:00Z");
    private static final Poll POLL = new Poll("p1", "Lunch?", List.of(new PollOption("a", "Pizza"),
            new PollOption("b", "Salad")), T0.plusSeconds(60), T0.plusSeconds(3600), null, T0);

    private final Instant now = Instant.parse("2026-11-21T10:00:00Z");

    private static PollView read(String body) {
        return EventCodec.fromJson(body, PollView.class);
    }

    @Test
    void aPollIsShownExactlyAsTheFrozenSampleOfTheLedgersApi() {
        assertThat(EventCodec.toJson(PollView.of(POLL, T0.plusSeconds(120))))
                .isEqualTo(FrozenSample.read("poll/poll-view.json"));
    }

    @Test
    void aPollViewSurvivesARoundTrip() {
        PollView view = PollView.of(POLL, T0);
        assertThat(read(EventCodec.toJson(view))).isEqualTo(view);
        assertThat(view.status()).isEqualTo("scheduled");
    }

    @Test
    void anOpenPollFromTheLedgerAcceptsVotesForItsOptions() {
        Poll poll = read("{\"pollId\":\"p1\",\"title\":\"T\",\"options\":[{\"id\":\"a\",\"label\":\"A\"},"
                + "{\"id\":\"b\",\"label\":\"B\"}],\"opensAt\":null,\"closesAt\":\"2026-11-21T11:00:00Z\","
                + "\"status\":\"open\",\"extra\":1}").toPoll(now);
        assertThat(poll.acceptsAt(now)).isTrue();
        assertThat(poll.hasOption("b")).isTrue();
        assertThat(poll.acceptsAt(Instant.parse("2026-11-21T11:00:00Z"))).isFalse();
    }

    @Test
    void aPollTheLedgerCallsClosedIsClosedFromNowOn() {
        Poll poll = read("{\"pollId\":\"p1\",\"title\":\"T\",\"options\":[],\"status\":\"closed\"}").toPoll(now);
        assertThat(poll.acceptsAt(now)).isFalse();
    }

    @Test
    void aScheduledPollOpensAtItsOpeningTime() {
        Poll poll = read("{\"pollId\":\"p1\",\"title\":\"T\",\"options\":[],\"opensAt\":\"2026-11-21T10:30:00Z\","
                + "\"status\":\"scheduled\"}").toPoll(now);
        assertThat(poll.acceptsAt(now)).isFalse();
        assertThat(poll.acceptsAt(Instant.parse("2026-11-21T10:30:00Z"))).isTrue();
    }
}
