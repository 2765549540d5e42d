package votes.perf.soak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class WindowTest {

    @Test
    void aWindowsCsvLineCarriesItsEndLabelRatesAndPercentiles() {
        Window w = Window.parse("1764530000,soak#3,300,298,45.10,40.20,0.0000,1.50");
        assertThat(w.endEpoch()).isEqualTo(1764530000L);
        assertThat(w.label()).isEqualTo("soak#3");
        assertThat(w.achieved()).isEqualTo(298);
        assertThat(w.acceptedP99()).isEqualTo(40.2);
        assertThat(w.shedPct()).isEqualTo(1.5);
    }

    @Test
    void aTruncatedLineIsRefusedWithItsText() {
        assertThatThrownBy(() -> Window.parse("1,soak#1,300")).hasMessageContaining("1,soak#1,300");
    }

    @Test
    void aSpanIsTwoEpochSecondsJoinedByTwoDots() {
        assertThat(ProfileReport.span("10..70")).containsExactly(10L, 70L);
        assertThatThrownBy(() -> ProfileReport.span("10-70")).isInstanceOf(IllegalArgumentException.class);
    }
}
