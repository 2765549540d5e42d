package votes.kit.knob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvKnobsTest {

    private final EnvKnobs knobs = new EnvKnobs(Map.of(
            "PORT", " 8090 ", "BLANK", " ", "WORDS", "eighty", "WAIT", "250ms", "NOT_A_WAIT", "soon"));

    @Test
    void anAbsentOrBlankKnobIsItsDefault() {
        assertThat(knobs.integer("MISSING", 7)).isEqualTo(7);
        assertThat(knobs.integer("BLANK", 7)).isEqualTo(7);
        assertThat(knobs.duration("BLANK", Duration.ofSeconds(3))).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void aValueIsReadWithSurroundingBlanks() {
        assertThat(knobs.integer("PORT", 7)).isEqualTo(8090);
        assertThat(knobs.duration("WAIT", Duration.ZERO)).isEqualTo(Duration.ofMillis(250));
    }

    @Test
    void anUnreadableValueFailsNamingItsKnob() {
        assertThatThrownBy(() -> knobs.integer("WORDS", 7)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("WORDS must be a whole number, got 'eighty'");
        assertThatThrownBy(() -> knobs.duration("NOT_A_WAIT", Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("NOT_A_WAIT: ");
    }
}
