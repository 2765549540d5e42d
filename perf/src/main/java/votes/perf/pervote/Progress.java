package votes.perf.pervote;

import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/** One progress line per phase on stderr (the report goes to stdout), stamped with the time of day. */
final class Progress {

    private Progress() {
    }

    static void line(String format, Object... args) {
        System.err.println("--- " + LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + " "
                + String.format(Locale.ROOT, format, args));
    }
}
