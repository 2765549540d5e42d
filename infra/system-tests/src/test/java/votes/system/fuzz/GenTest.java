package votes.system.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;
import static votes.system.fuzz.Gen.weight;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class GenTest {

    private static final int DRAWS = 20_000;

    @Test
    void theSameSeedGivesTheSameHostileRequests() {
        HostileRequests requests = new HostileRequests("open", "closed", "a.b.c", "d.e.f", "g.h.i", "j.k.l");
        assertThat(rendered(requests.any(), 42)).isEqualTo(rendered(requests.any(), 42));
    }

    @Test
    void anotherSeedGivesOtherHostileRequests() {
        HostileRequests requests = new HostileRequests("open", "closed", "a.b.c", "d.e.f", "g.h.i", "j.k.l");
        assertThat(rendered(requests.any(), 42)).isNotEqualTo(rendered(requests.any(), 43));
    }

    @Test
    void frequencyChoosesEachGeneratorInProportionToItsWeight() {
        Gen<String> weighted = Gen.frequency(weight(6, Gen.constant("six")), weight(3, Gen.constant("three")),
                weight(1, Gen.constant("one")));
        Map<String, Long> counts = counts(weighted, 7);
        assertThat(counts.get("six") / (double) DRAWS).isCloseTo(0.6, offset(0.03));
        assertThat(counts.get("three") / (double) DRAWS).isCloseTo(0.3, offset(0.03));
        assertThat(counts.get("one") / (double) DRAWS).isCloseTo(0.1, offset(0.03));
    }

    @Test
    void aWeightBelowOneIsRefused() {
        assertThatThrownBy(() -> weight(0, Gen.constant("never"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void intsStayWithinTheirBoundsAndHitBothOften() {
        Map<Integer, Long> counts = counts(Gen.ints(3, 9), 11);
        assertThat(counts.keySet()).containsOnly(3, 4, 5, 6, 7, 8, 9);
        // Each bound: 1 in EDGE_ODDS on its own plus its share of the middle, well above a uniform 1 in 7.
        assertThat(counts.get(3)).isGreaterThan(DRAWS / 6);
        assertThat(counts.get(9)).isGreaterThan(DRAWS / 6);
    }

    @Test
    void intsCoverTheWholeIntRangeWithoutOverflow() {
        Random random = new Random(5);
        Gen<Integer> all = Gen.ints(Integer.MIN_VALUE, Integer.MAX_VALUE);
        // Beside the bounds themselves: a cast that overflowed would pin the upper half to one value.
        assertThat(IntStream.range(0, DRAWS).map(i -> all.next(random)).filter(n -> n > 0 && n < Integer.MAX_VALUE)
                .distinct().count()).isGreaterThan(DRAWS / 4);
        assertThat(IntStream.range(0, DRAWS).map(i -> all.next(random)).anyMatch(n -> n < 0 && n > Integer.MIN_VALUE))
                .isTrue();
    }

    @Test
    void stringsTakeTheirLengthWithinBoundsAndOnlyCharactersOfTheAlphabet() {
        Random random = new Random(3);
        Gen<String> strings = Gen.strings(Gen.chars("xyz"), 2, 5);
        for (int i = 0; i < 1000; i++) {
            assertThat(strings.next(random)).hasSizeBetween(2, 5).matches("[xyz]+");
        }
    }

    @Test
    void aFilterKeepsOnlyWhatItAcceptsAndGivesUpOnAnImpossibleOne() {
        Random random = new Random(9);
        Gen<Integer> even = Gen.ints(0, 100).filter(n -> n % 2 == 0);
        assertThat(IntStream.range(0, 1000).map(i -> even.next(random))).allMatch(n -> n % 2 == 0);
        assertThatThrownBy(() -> Gen.ints(0, 1).filter(n -> n > 1).next(random)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void noGeneratedVoteBodyCouldBeAValidVote() {
        Random random = new Random(17);
        Gen<byte[]> bodies = Bodies.hostileJson();
        for (int i = 0; i < 2000; i++) {
            assertThat(Bodies.couldBeAVote(bodies.next(random))).isFalse();
        }
    }

    private static List<String> rendered(Gen<HostileRequest> gen, long seed) {
        Random random = new Random(seed);
        return IntStream.range(0, 200).mapToObj(i -> gen.next(random))
                .map(request -> request + " #" + Arrays.hashCode(request.bytes("host:80"))).toList();
    }

    private static <T> Map<T, Long> counts(Gen<T> gen, long seed) {
        Random random = new Random(seed);
        return IntStream.range(0, DRAWS).mapToObj(i -> gen.next(random))
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }
}
