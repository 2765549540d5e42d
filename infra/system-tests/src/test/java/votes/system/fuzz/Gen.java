package votes.system.fuzz;

import java.util.List;
import java.util.Random;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A generator of hostile input, driven by one seeded {@link Random}: the same seed gives the same sequence, so the seed
 * of a run replays it whole. In-house instead of a property-testing library (jqwik's author asks AI coding agents not
 * to use the library, and we respect that); the fuzz suite needs no shrinking, only generation, which fits here.
 */
@FunctionalInterface
interface Gen<T> {

    /** One in this many sizes is the lower bound, and as many the upper one: boundaries find bugs, the middle rarely. */
    int EDGE_ODDS = 10;
    /** A filter that rejects this many in a row has a generator that cannot satisfy it: a bug in the suite. */
    int FILTER_PATIENCE = 1000;

    T next(Random random);

    default <R> Gen<R> map(Function<? super T, ? extends R> f) {
        return random -> f.apply(next(random));
    }

    default Gen<T> filter(Predicate<? super T> keep) {
        return random -> {
            for (int i = 0; i < FILTER_PATIENCE; i++) {
                T value = next(random);
                if (keep.test(value)) {
                    return value;
                }
            }
            throw new IllegalStateException(FILTER_PATIENCE + " values in a row refused by the filter");
        };
    }

    static <T> Gen<T> constant(T value) {
        return random -> value;
    }

    /** One of the values, each as likely. */
    @SafeVarargs
    static <T> Gen<T> of(T... values) {
        List<T> all = List.of(values);
        return random -> all.get(random.nextInt(all.size()));
    }

    /** One of the generators, each as likely. */
    @SafeVarargs
    static <T> Gen<T> oneOf(Gen<? extends T>... gens) {
        List<Gen<? extends T>> all = List.of(gens);
        return random -> all.get(random.nextInt(all.size())).next(random);
    }

    /** A generator with its weight, for {@link #frequency}. */
    record Weighted<T>(int weight, Gen<? extends T> gen) {
    }

    static <T> Weighted<T> weight(int weight, Gen<? extends T> gen) {
        if (weight <= 0) {
            throw new IllegalArgumentException("weight " + weight);
        }
        return new Weighted<>(weight, gen);
    }

    /** One of the generators, each chosen in proportion to its weight. */
    @SafeVarargs
    static <T> Gen<T> frequency(Weighted<? extends T>... choices) {
        List<Weighted<? extends T>> all = List.of(choices);
        int total = all.stream().mapToInt(Weighted::weight).sum();
        return random -> {
            int pick = random.nextInt(total);
            for (Weighted<? extends T> choice : all) {
                pick -= choice.weight();
                if (pick < 0) {
                    return choice.gen().next(random);
                }
            }
            throw new IllegalStateException("unreachable: a pick below the total weight " + total);
        };
    }

    /** An int in [min, max], the bounds themselves more often than the rest (see {@link #EDGE_ODDS}). */
    static Gen<Integer> ints(int min, int max) {
        if (min > max) {
            throw new IllegalArgumentException(min + " > " + max);
        }
        return random -> {
            int edge = random.nextInt(EDGE_ODDS);
            return edge == 0 ? min : edge == 1 ? max : (int) (min + (long) (random.nextDouble() * ((long) max - min + 1)));
        };
    }

    static <A, B, R> Gen<R> combine(Gen<A> a, Gen<B> b, BiFunction<? super A, ? super B, ? extends R> f) {
        return random -> f.apply(a.next(random), b.next(random));
    }

    /** A character of the alphabet, each as likely. */
    static Gen<Character> chars(String alphabet) {
        return random -> alphabet.charAt(random.nextInt(alphabet.length()));
    }

    /** A char from first to last, both included. */
    static Gen<Character> charRange(char first, char last) {
        return random -> (char) (first + random.nextInt(last - first + 1));
    }

    /** Any UTF-16 unit: mostly ASCII (control characters too), else anything of the BMP, lone surrogates included. */
    static Gen<Character> anyChar() {
        return frequency(weight(3, charRange('\0', '\u007f')), weight(1, charRange('\u0080', '\uffff')));
    }

    static Gen<String> strings(Gen<Character> chars, int minLength, int maxLength) {
        Gen<Integer> length = ints(minLength, maxLength);
        return random -> {
            int n = length.next(random);
            StringBuilder text = new StringBuilder(n);
            for (int i = 0; i < n; i++) {
                text.append(chars.next(random));
            }
            return text.toString();
        };
    }

    static Gen<Boolean> booleans() {
        return Random::nextBoolean;
    }
}
