package votes.events.tally;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import votes.events.codec.EventCodec;
import votes.events.sample.FrozenSample;

class ResultsTest {

    @Test
    void percentagesAreRoundedHalfUpToOneDecimal() {
        assertThat(Results.percentage(1, 3)).isEqualTo(33.3);
        assertThat(Results.percentage(2, 3)).isEqualTo(66.7);
        assertThat(Results.percentage(1, 8)).isEqualTo(12.5);
        assertThat(Results.percentage(1, 16)).isEqualTo(6.3); // 6.25 → 6.3 (a double would give 6.2 for some)
        assertThat(Results.percentage(1, 2000)).isEqualTo(0.1); // 0.05 → 0.1
        assertThat(Results.percentage(5, 5)).isEqualTo(100.0);
    }

    @Test
    void nobodyVotedYetMeansZeroPercentEverywhere() {
        assertThat(Results.percentage(0, 0)).isZero();
    }

    @Test
    void resultsKeepTheTallysOrderCountsVersionAndFinality() {
        Instant asOf = Instant.parse("2026-01-01T10:00:00Z");
        Tally tally = new Tally("p", "Lunch", List.of(new TallyOption("a", "Pizza", 3), new TallyOption("b", null, 1)),
                4, 9, asOf, true);
        Results results = Results.of(tally);
        assertThat(results.options()).extracting(Results.OptionResult::optionId).containsExactly("a", "b");
        assertThat(results.options()).extracting(Results.OptionResult::percentage).containsExactly(75.0, 25.0);
        assertThat(results.options().get(1).label()).isNull();
        assertThat(results.totalVotes()).isEqualTo(4);
        assertThat(results.version()).isEqualTo(9);
        assertThat(results.asOf()).isEqualTo(asOf);
        assertThat(results.closed()).isTrue();
    }

    @Test
    void resultsAreWrittenExactlyAsTheFrozenSampleOfTheResultsApi() {
        Tally tally = new Tally("p", "Lunch", List.of(new TallyOption("a", "Pizza", 3), new TallyOption("b", null, 1)),
                4, 9, Instant.parse("2026-01-01T10:00:00Z"), true);

        assertThat(EventCodec.toJson(Results.of(tally))).isEqualTo(FrozenSample.read("tally/results.json"));
        assertThat(EventCodec.fromJson(FrozenSample.read("tally/results.json"), Results.class))
                .isEqualTo(Results.of(tally));
    }
}
