package votes.events.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class UtcInstantsTest {

    private static final long FIRST_FOUR_DIGIT_SECOND = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
    private static final long LAST_FOUR_DIGIT_SECOND = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();

    @Test
    void formatWritesExactlyInstantToStringForEveryFractionShapeAndYear() {
        for (Instant instant : sample()) {
            assertThat(UtcInstants.format(instant)).as("%s", instant).isEqualTo(instant.toString());
        }
    }

    @Test
    void parseReadsWhatInstantParseReadsInTheProducersForm() {
        int read = 0;
        for (Instant instant : sample()) {
            String text = instant.toString();
            Instant parsed = UtcInstants.parseOrNull(text);
            if (instant.getEpochSecond() >= FIRST_FOUR_DIGIT_SECOND && instant.getEpochSecond() <= LAST_FOUR_DIGIT_SECOND) {
                assertThat(parsed).as(text).isEqualTo(Instant.parse(text));
                read++;
            } else {
                assertThat(parsed).as(text).isNull(); // a sign or a fifth digit: java.time's to read
            }
        }
        assertThat(read).isGreaterThan(10_000);
    }

    @Test
    void parseReadsEveryFractionLengthFromOneToNineDigits() {
        String fraction = "123456789";
        for (int digits = 1; digits <= 9; digits++) {
            String text = "2026-12-01T06:41:58." + fraction.substring(0, digits) + "Z";
            assertThat(UtcInstants.parseOrNull(text)).as(text).isEqualTo(Instant.parse(text));
        }
    }

    @Test
    void parseLeavesEveryOtherFormToJavaTimeValidOrNot() {
        List<String> others = List.of("2026-12-01t06:41:58Z", "2026-12-01T06:41:58z", "2026-12-01T06:41:58+00:00",
                "2026-12-01T06:41:58", "2026-12-01T06:41Z", "2026-12-01T23:59:60Z", "2026-12-01T24:00:00Z",
                "2026-02-29T00:00:00Z", "2026-13-01T00:00:00Z", "2026-00-10T00:00:00Z", "2026-04-31T00:00:00Z",
                "2026-12-01T06:60:00Z", "2026-12-01T06:41:58.Z", "2026-12-01T06:41:58.1234567890Z",
                "+10000-01-01T00:00:00Z", "-0001-01-01T00:00:00Z", " 2026-12-01T06:41:58Z", "2026-12-01T06:41:58Z ",
                "2026-12-01T06:41:58.12a4Z", "٢٠٢٦-12-01T06:41:58Z", "2026/12/01T06:41:58Z", "");
        for (String text : others) {
            assertThat(UtcInstants.parseOrNull(text)).as(text).isNull();
        }
    }

    @Test
    void parseAcceptsOnlyInstantsJavaTimeAcceptsTooUnderRandomEdits() {
        Random random = new Random(7);
        String[] alphabet = {"0", "1", "2", "9", "-", ":", "T", "Z", ".", " ", "+"};
        for (int i = 0; i < 50_000; i++) {
            StringBuilder text = new StringBuilder(Instant.ofEpochSecond(random.nextLong(0, LAST_FOUR_DIGIT_SECOND),
                    random.nextInt(1_000_000_000)).toString());
            int at = random.nextInt(text.length());
            text.replace(at, at + random.nextInt(2), alphabet[random.nextInt(alphabet.length)]);
            Instant parsed = UtcInstants.parseOrNull(text.toString());
            if (parsed != null) {
                assertThat(parsed).as(text.toString()).isEqualTo(javaTime(text.toString()));
            }
        }
    }

    private static Instant javaTime(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** Random instants over the four-digit years and beyond, every fraction shape, and the edges. */
    private static List<Instant> sample() {
        Random random = new Random(42);
        List<Instant> instants = new ArrayList<>(List.of(Instant.EPOCH, Instant.ofEpochSecond(-1, 999_999_999),
                Instant.ofEpochSecond(FIRST_FOUR_DIGIT_SECOND), Instant.ofEpochSecond(LAST_FOUR_DIGIT_SECOND, 999_999_999),
                Instant.ofEpochSecond(FIRST_FOUR_DIGIT_SECOND - 1), Instant.ofEpochSecond(LAST_FOUR_DIGIT_SECOND + 1),
                Instant.parse("2024-02-29T23:59:59.000001Z"), Instant.parse("2000-02-29T00:00:00.100Z"),
                Instant.MIN, Instant.MAX));
        int[] nanoShapes = {0, 1_000_000, 1_000, 1};
        for (int i = 0; i < 20_000; i++) {
            long second = random.nextLong(FIRST_FOUR_DIGIT_SECOND - 86_400, LAST_FOUR_DIGIT_SECOND + 86_400);
            int shape = nanoShapes[i % nanoShapes.length];
            int nano = shape == 0 ? 0 : random.nextInt(1_000_000_000 / shape) * shape;
            instants.add(Instant.ofEpochSecond(second, nano));
        }
        return instants;
    }
}
