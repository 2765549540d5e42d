package votes.events.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class LastEventIdTest {

    @Test
    void lastEventIdThatIsNotAVersionMeansStartFromTheCurrentState() {
        assertThat(Arrays.asList(null, " ", "abc", "-2", "-4")).allSatisfy(header ->
                assertThat(LastEventId.parse(header)).as("Last-Event-ID %s", header).isEqualTo(LastEventId.NONE));
    }

    @Test
    void aVersionIsReadWithSurroundingBlanks() {
        assertThat(LastEventId.parse(" 42 ")).isEqualTo(42);
        assertThat(LastEventId.parse(" 12 ")).isEqualTo(12);
    }
}
