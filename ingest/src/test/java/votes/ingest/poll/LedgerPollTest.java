package votes.ingest.poll;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import votes.events.poll.Poll;

class LedgerPollTest {

    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule());
    private final Instant now = Instant.parse("2026-11-21T10:00:00Z");

    private LedgerPoll read(String body) throws Exception {
        return json.readValue(body, LedgerPoll.class);
    }

    @Test
    void anOpenPollFromTheLedgerAcceptsVotesForItsOptions() throws Exception {
        Poll poll = read("{\"pollId\":\"p1\",\"title\":\"T\",\"options\":[{\"id\":\"a\",\"label\":\"A\"},"
                + "{\"id\":\"b\",\"label\":\"B\"}],\"opensAt\":null,\"closesAt\":\"2026-11-21T11:00:00Z\","
                + "\"status\":\"open\",\"extra\":1}").toPoll(now);
        assertThat(poll.acceptsAt(now)).isTrue();
        assertThat(poll.hasOption("b")).isTrue();
        assertThat(poll.acceptsAt(Instant.parse("2026-11-21T11:00:00Z"))).isFalse();
    }

    @Test
    void aPollTheLedgerCallsClosedIsClosedFromNowOn() throws Exception {
        Poll poll = read("{\"pollId\":\"p1\",\"title\":\"T\",\"options\":[],\"status\":\"closed\"}").toPoll(now);
        assertThat(poll.acceptsAt(now)).isFalse();
    }

    @Test
    void aScheduledPollOpensAtItsOpeningTime() throws Exception {
        Poll poll = read("{\"pollId\":\"p1\",\"title\":\"T\",\"options\":[],\"opensAt\":\"2026-11-21T10:30:00Z\","
                + "\"status\":\"scheduled\"}").toPoll(now);
        assertThat(poll.acceptsAt(now)).isFalse();
        assertThat(poll.acceptsAt(Instant.parse("2026-11-21T10:30:00Z"))).isTrue();
    }
}
