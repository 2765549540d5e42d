package votes.kit.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StrictJsonTest {

    record Window(String opensAt, String closesAt) {
    }

    private final ObjectMapper mapper = new ObjectMapper();

    StrictJsonTest() {
        new StrictJson().customize(mapper);
    }

    @Test
    void aRepeatedMemberIsUnreadableJsonNotASilentLastWins() {
        assertThatThrownBy(() -> mapper.readValue("{\"opensAt\":\"a\",\"closesAt\":\"b\",\"opensAt\":true}", Window.class))
                .isInstanceOf(JsonProcessingException.class).hasMessageContaining("Duplicate field 'opensAt'");
        assertThatThrownBy(() -> mapper.readTree("{\"optionId\":\"a\",\"optionId\":\"b\"}"))
                .isInstanceOf(JsonProcessingException.class);
    }

    @Test
    void theSameNameAtAnotherLevelIsNoRepeat() throws Exception {
        assertThat(mapper.readValue("{\"opensAt\":{\"opensAt\":1}}", Map.class)).containsKey("opensAt");
    }
}
