package votes.projections.cdc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import votes.events.poll.PollOption;

class LedgerRowsTest {

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
    void deltaRowWithoutPositiveCountIsMalformed() {
        assertThatThrownBy(() -> LedgerRows.delta("{\"delta_id\":\"d\",\"poll_id\":\"p1\",\"option_id\":\"a\","
                + "\"vote_count\":0,\"created_at\":\"2026-03-01T10:00:00Z\"}"))
                .isInstanceOf(MalformedRowException.class);
    }

    @Test
    void deltaRowWithoutPollIsMalformed() {
        assertThatThrownBy(() -> LedgerRows.delta("{\"delta_id\":\"d\",\"option_id\":\"a\","
                + "\"vote_count\":1,\"created_at\":\"2026-03-01T10:00:00Z\"}"))
                .isInstanceOf(MalformedRowException.class);
    }
}
