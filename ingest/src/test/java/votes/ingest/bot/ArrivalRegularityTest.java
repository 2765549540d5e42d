package votes.ingest.bot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ArrivalRegularityTest {

    @Test
    void evenGapsHaveNoVariationInAnyOrder() {
        assertThat(ArrivalRegularity.coefficientOfVariation(List.of(4000L, 1000L, 3000L, 2000L), 4)).isZero();
    }

    @Test
    void allAtOnceIsAsRegularAsItGets() {
        assertThat(ArrivalRegularity.coefficientOfVariation(List.of(5L, 5L, 5L, 5L), 4)).isZero();
    }

    @Test
    void unevenGapsVary() {
        // Gaps 1, 1, 10: mean 4, population sd sqrt(18) ≈ 4.24.
        assertThat(ArrivalRegularity.coefficientOfVariation(List.of(0L, 1L, 2L, 12L), 4))
                .isCloseTo(Math.sqrt(18) / 4, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void tooFewArrivalsTellNothing() {
        assertThat(ArrivalRegularity.coefficientOfVariation(List.of(1L, 2L, 3L), 4)).isNaN();
        assertThat(ArrivalRegularity.coefficientOfVariation(List.of(1L), 0)).isNaN();
    }
}
