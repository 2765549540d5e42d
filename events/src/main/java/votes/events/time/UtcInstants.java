package votes.events.time;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The one text form of an instant our producers write, {@link Instant#toString} for the years 0000–9999
 * ({@code 2026-12-01T06:41:58.103588Z}: seconds always, a fraction of 3, 6 or 9 digits when not zero, {@code Z}),
 * read and written by hand. Why: {@code java.time.format} builds a field map and resolves it for every instant, and
 * the ledger reads one instant and writes one per vote; profiling a catch-up put that at an eighth of its CPU. Text in
 * any other form is not guessed at: {@link #parseOrNull} answers null and the caller asks {@code java.time} (or
 * Jackson), so what is accepted and what it means never differs from the general parsers.
 */
public final class UtcInstants {

    private static final long SECONDS_PER_DAY = 86_400;
    private static final int MAX_FRACTION_DIGITS = 9;
    /** {@code 0000-01-01T00:00:00Z} and {@code 9999-12-31T23:59:59Z}: the years written with four digits, no sign. */
    private static final long FIRST_FOUR_DIGIT_SECOND = -62_167_219_200L;
    private static final long LAST_FOUR_DIGIT_SECOND = 253_402_300_799L;
    /** Length of {@code yyyy-MM-ddTHH:mm:ss}. */
    private static final int SECONDS_END = 19;

    private UtcInstants() {
    }

    /**
     * @return the instant {@code text} names when it is {@code yyyy-MM-ddTHH:mm:ss[.f…]Z} with a valid date and time
     *         and 1–9 fraction digits; null for any other text, valid or not
     */
    public static Instant parseOrNull(String text) {
        int length = text.length();
        if (length < SECONDS_END + 1 || text.charAt(length - 1) != 'Z' || text.charAt(4) != '-' || text.charAt(7) != '-'
                || text.charAt(10) != 'T' || text.charAt(13) != ':' || text.charAt(16) != ':') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        int day = digits(text, 8, 2);
        int hour = digits(text, 11, 2);
        int minute = digits(text, 14, 2);
        int second = digits(text, 17, 2);
        int nano = fraction(text, SECONDS_END, length - 1);
        if ((year | month | day | hour | minute | second | nano) < 0 || hour > 23 || minute > 59 || second > 59) {
            return null;
        }
        long epochDay;
        try {
            epochDay = LocalDate.of(year, month, day).toEpochDay();
        } catch (DateTimeException e) {
            return null; // 2026-02-30: java.time says why
        }
        return Instant.ofEpochSecond(epochDay * SECONDS_PER_DAY + hour * 3600L + minute * 60L + second, nano);
    }

    /** Exactly {@link Instant#toString}'s text. */
    public static String format(Instant instant) {
        long seconds = instant.getEpochSecond();
        if (seconds < FIRST_FOUR_DIGIT_SECOND || seconds > LAST_FOUR_DIGIT_SECOND) {
            return instant.toString(); // a sign or a fifth year digit: rare enough for the general printer
        }
        LocalDate date = LocalDate.ofEpochDay(Math.floorDiv(seconds, SECONDS_PER_DAY));
        int secondOfDay = (int) Math.floorMod(seconds, SECONDS_PER_DAY);
        int nano = instant.getNano();
        int fractionDigits = nano == 0 ? 0 : nano % 1_000_000 == 0 ? 3 : nano % 1_000 == 0 ? 6 : MAX_FRACTION_DIGITS;
        char[] text = new char[SECONDS_END + (fractionDigits == 0 ? 0 : fractionDigits + 1) + 1];
        put(text, 0, date.getYear(), 4);
        text[4] = '-';
        put(text, 5, date.getMonthValue(), 2);
        text[7] = '-';
        put(text, 8, date.getDayOfMonth(), 2);
        text[10] = 'T';
        put(text, 11, secondOfDay / 3600, 2);
        text[13] = ':';
        put(text, 14, secondOfDay / 60 % 60, 2);
        text[16] = ':';
        put(text, 17, secondOfDay % 60, 2);
        if (fractionDigits > 0) {
            text[SECONDS_END] = '.';
            int scaled = nano;
            for (int i = fractionDigits; i < MAX_FRACTION_DIGITS; i++) {
                scaled /= 10;
            }
            put(text, SECONDS_END + 1, scaled, fractionDigits);
        }
        text[text.length - 1] = 'Z';
        return new String(text);
    }

    /** @return the decimal value of {@code count} ASCII digits at {@code from}, or -1 if one is not a digit */
    private static int digits(String text, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            int digit = text.charAt(i) - '0';
            if (digit < 0 || digit > 9) {
                return -1;
            }
            value = value * 10 + digit;
        }
        return value;
    }

    /** @return nanoseconds of {@code [from, end)}: empty, or '.' and 1–9 digits; -1 for anything else */
    private static int fraction(String text, int from, int end) {
        if (from == end) {
            return 0;
        }
        int count = end - from - 1;
        if (text.charAt(from) != '.' || count < 1 || count > MAX_FRACTION_DIGITS) {
            return -1;
        }
        int value = digits(text, from + 1, count);
        if (value < 0) {
            return -1;
        }
        for (int i = count; i < MAX_FRACTION_DIGITS; i++) {
            value *= 10;
        }
        return value;
    }

    private static void put(char[] text, int at, int value, int count) {
        for (int i = at + count - 1; i >= at; i--) {
            text[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }
}
