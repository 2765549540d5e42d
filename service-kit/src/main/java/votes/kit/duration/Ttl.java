package votes.kit.duration;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as people type them: 90s, 30m, 1h, 7d, 250ms (or ISO-8601 like PT1H): token lifetimes, and the
 * gateway's timeouts (GatewayConfig), which need milliseconds. In the kit because both infra/stack (./vote token)
 * and infra/gateway read them, and neither depends on the other.
 */
public final class Ttl {

    private static final Pattern SHORT = Pattern.compile("(\\d+)\\s*(ms|[smhd])");

    private Ttl() {
    }

    public static Duration parse(String text) {
        String value = text.trim().toLowerCase();
        Matcher m = SHORT.matcher(value);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
        }
        try {
            return Duration.parse(text.trim().toUpperCase());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("TTL must look like 250ms, 90s, 30m, 1h, 7d or PT1H, got '" + text + "'");
        }
    }
}
