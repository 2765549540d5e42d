package votes.kit.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AccessLogSampleTest {

    @Test
    void allKeepsEveryRequestWithoutDrawing() {
        assertThat(AccessLogSample.ALL.keep(() -> {
            throw new AssertionError("no draw at rate 1.0");
        })).isTrue();
    }

    @Test
    void zeroKeepsNone() {
        assertThat(new AccessLogSample(0.0).keep(() -> 0.0)).isFalse();
    }

    @Test
    void aShareKeepsTheDrawsBelowIt() {
        AccessLogSample quarter = new AccessLogSample(0.25);
        assertThat(quarter.keep(() -> 0.0)).isTrue();
        assertThat(quarter.keep(() -> 0.2499)).isTrue();
        assertThat(quarter.keep(() -> 0.25)).isFalse();
        assertThat(quarter.keep(() -> 0.99)).isFalse();
    }

    @Test
    void blankOrAbsentMeansEveryRequestAndANumberIsTheShare() {
        assertThat(AccessLogSample.parse(null)).isEqualTo(AccessLogSample.ALL);
        assertThat(AccessLogSample.parse(" ")).isEqualTo(AccessLogSample.ALL);
        assertThat(AccessLogSample.parse("0.01").rate()).isEqualTo(0.01);
    }

    @Test
    void aValueOutsideZeroToOneOrNotANumberIsRefusedNamingTheKnob() {
        assertThatThrownBy(() -> AccessLogSample.parse("1.5")).hasMessageContaining(AccessLogSample.ENV);
        assertThatThrownBy(() -> AccessLogSample.parse("-0.1")).hasMessageContaining(AccessLogSample.ENV);
        assertThatThrownBy(() -> AccessLogSample.parse("NaN")).hasMessageContaining(AccessLogSample.ENV);
        assertThatThrownBy(() -> AccessLogSample.parse("all")).hasMessageContaining(AccessLogSample.ENV);
    }
}
