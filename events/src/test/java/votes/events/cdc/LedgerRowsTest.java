package votes.events.cdc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import votes.events.poll.PollOption;
import votes.events.sample.FrozenSample;

class LedgerRowsTest {

    private static final DeltaRow DELTA = new DeltaRow("0193a1b2-0000-7000-8000-000000000001", "p1", "a", 3,
            Instant.parse("2026-11-21T12:00:00.100Z"));
    private static final PollRow POLL = new PollRow("p1", "Lunch?",
            List.of(new PollOption("a", "Pizza"), new PollOption("b", "Soup")), null,
            Instant.parse("2026-11-21T13:00:00.123456Z"), null, Instant.parse("2026-11-21T12:00:00.123456Z"));

    @Test
    void aDeltaRowAsTheRelayPublishesItReadsAsItsRecord() {
        assertThat(LedgerRows.delta(FrozenSample.read("cdc/tally-delta-row.json"))).isEqualTo(DELTA);
    }

    @Test
    void aPollRowAsTheRelayPublishesItReadsAsItsRecord() {
        assertThat(LedgerRows.poll(FrozenSample.read("cdc/poll-row.json"))).isEqualTo(POLL);
    }

    @Test
    void rowsAreWrittenExactlyAsDebeziumWritesThem() {
        assertThat(LedgerRows.json(DELTA)).isEqualTo(FrozenSample.read("cdc/tally-delta-row.json"));
        assertThat(LedgerRows.json(POLL)).isEqualTo(FrozenSample.read("cdc/poll-row.json"));
    }

    @Test
    void rowsSurviveARoundTripIncludingNullsAndMicroseconds() {
        PollRow closed = new PollRow("p2", "Q", List.of(new PollOption("x", "quote \" and comma, ")),
                Instant.parse("2026-11-21T12:00:00Z"), null, Instant.parse("2026-11-21T12:30:00.000001Z"),
                Instant.parse("2026-11-21T11:00:00Z"));
        assertThat(LedgerRows.poll(LedgerRows.json(closed))).isEqualTo(closed);
        assertThat(LedgerRows.delta(LedgerRows.json(DELTA))).isEqualTo(DELTA);
    }

    @Test
    void pollRowReadsOptionsFromJsonTextAndTimestampsWithOffsets() {
        PollRow row = LedgerRows.poll("{\"poll_id\":\"p1\",\"title\":\"Fruit\","
                + "\"options\":\"[{\\\"id\\\": \\\"a\\\", \\\"label\\\": \\\"Apples\\\"}]\","
                + "\"opens_at\":null,\"closes_at\":\"2026-03-01T12:00:00.123456+01:00\",\"closed_at\":null,"
                + "\"created_at\":\"2026-03-01T10:00:00Z\"}");

        assertThat(row.options()).containsExactly(new PollOption("a", "Apples"));
        assertThat(row.opensAt()).isNull();
        assertThat(row.closesAt()).isEqualTo(Instant.parse("2026-03-01T11:00:00.123456Z"));
        assertThat(row.createdAt()).isEqualTo(Instant.parse("2026-03-01T10:00:00Z"));
    }

    @Test
    void deltaRowCountingNoVoteOrNoCountAtAllIsMalformed() {
        assertThatThrownBy(() -> LedgerRows.delta("{\"delta_id\":\"d\",\"poll_id\":\"p1\",\"option_id\":\"a\","
                + "\"vote_count\":0,\"created_at\":\"2026-03-01T10:00:00Z\"}"))
                .isInstanceOf(MalformedRowException.class);
        assertThatThrownBy(() -> LedgerRows.delta("{\"delta_id\":\"d\",\"poll_id\":\"p1\",\"option_id\":\"a\","
                + "\"created_at\":\"2026-03-01T10:00:00Z\"}"))
                .isInstanceOf(MalformedRowException.class);
    }

    @Test
    void negativeDeltaRowOfAVoidIsRead() {
        DeltaRow row = LedgerRows.delta("{\"delta_id\":\"d\",\"poll_id\":\"p1\",\"option_id\":\"a\","
                + "\"vote_count\":-3,\"created_at\":\"2026-03-01T10:00:00Z\"}");

        assertThat(row.voteCount()).isEqualTo(-3);
        assertThat(LedgerRows.delta(LedgerRows.json(row))).isEqualTo(row);
    }

    @Test
    void deltaRowWithoutPollIsMalformed() {
        assertThatThrownBy(() -> LedgerRows.delta("{\"delta_id\":\"d\",\"option_id\":\"a\","
                + "\"vote_count\":1,\"created_at\":\"2026-03-01T10:00:00Z\"}"))
                .isInstanceOf(MalformedRowException.class);
    }
}
