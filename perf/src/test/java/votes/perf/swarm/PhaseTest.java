package votes.perf.swarm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PhaseTest {

    @Test
    void phasesAreNamedAsOnTheCommandLineAndKeepTheirAddressBlocks() {
        assertThat(Phase.ofSlug("defended")).isEqualTo(Phase.DEFENDED);
        assertThat(Phase.WARM_UP.slug()).isEqualTo("warm-up");
        assertThat(Phase.ofSlug("baseline").index()).isZero();
        assertThat(Phase.MEASURED.index()).isEqualTo(1);
        assertThatThrownBy(() -> Phase.ofSlug("attack")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("defended");
    }
}
