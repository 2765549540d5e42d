package votes.events.deadletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DeadLetterTest {

    @Test
    void aLetterSurvivesItsHeaders() {
        DeadLetter letter = new DeadLetter("votes.submitted", 3, 1234L, DeadLetterReason.MALFORMED,
                "voterId holds a NUL character at index 2", UUID.randomUUID());
        assertThat(DeadLetter.fromHeaders(letter.headers()::get)).isEqualTo(letter);
        DeadLetter anonymous = new DeadLetter("votes.submitted", 0, 7L, DeadLetterReason.UNDECODABLE, "no value", null);
        assertThat(anonymous.headers()).doesNotContainKey(DeadLetter.EVENT_ID);
        assertThat(DeadLetter.fromHeaders(anonymous.headers()::get)).isEqualTo(anonymous);
        assertThat(letter.source()).isEqualTo("votes.submitted 3@1234");
    }

    @Test
    void aRecordWithoutOurHeadersIsNoLetter() {
        Map<String, byte[]> headers = new HashMap<>();
        headers.put(DeadLetter.TOPIC, "votes.submitted".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> DeadLetter.fromHeaders(headers::get)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(DeadLetter.PARTITION);
        headers.put(DeadLetter.PARTITION, "x".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> DeadLetter.fromHeaders(headers::get)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void onlyAnUnknownSchemaVersionLeavesItsEventUnjudged() {
        assertThat(DeadLetterReason.UNKNOWN_SCHEMA_VERSION.rejectsItsEvent()).isFalse();
        assertThat(DeadLetterReason.MALFORMED.rejectsItsEvent()).isTrue();
        assertThat(DeadLetterReason.REFUSED_BY_DATABASE.rejectsItsEvent()).isTrue();
        for (DeadLetterReason reason : DeadLetterReason.values()) {
            assertThat(DeadLetterReason.fromSlug(reason.slug())).isEqualTo(reason);
        }
    }
}
