package votes.projections.tally;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class QuietSpellTest {

    private final QuietSpell spell = new QuietSpell(Duration.ofMillis(100));

    @Test
    void theFirstRowEverEndsASpell() {
        assertThat(spell.ends(5_000)).isTrue();
    }

    @Test
    void aRowAtLeastTheSpellAfterThePreviousOneEndsIt() {
        spell.ends(0);
        assertThat(spell.ends(99)).isFalse();
        assertThat(spell.ends(199)).isTrue();
        assertThat(spell.ends(299)).isTrue();
    }

    @Test
    void aSteadyFlowNeverEndsOneAfterItsFirstRow() {
        spell.ends(0);
        assertThat(LongStream.rangeClosed(1, 10_000).map(i -> i * 99).filter(spell::ends)).isEmpty();
    }

    @Test
    void theGapIsMeasuredFromTheLastRowNotTheLastSpell() {
        spell.ends(0);
        spell.ends(60);
        assertThat(spell.ends(120)).as("120 ms after the spell began, 60 after the last row").isFalse();
    }

    @Test
    void zeroNeverEndsOne() {
        QuietSpell off = new QuietSpell(Duration.ZERO);
        assertThat(LongStream.of(0, 1_000, 1_000_000).filter(off::ends)).isEmpty();
    }
}
