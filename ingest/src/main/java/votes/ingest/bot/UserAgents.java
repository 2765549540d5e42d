package votes.ingest.bot;

import java.util.List;
import java.util.Locale;

/** What a user agent string gives away: automation markers, and whether it claims to be a Chromium browser. */
final class UserAgents {

    private final List<String> automationMarkers;

    /** @param automationMarkers lower-case substrings that only automation puts in a user agent */
    UserAgents(List<String> automationMarkers) {
        this.automationMarkers = automationMarkers.stream().map(m -> m.trim().toLowerCase(Locale.ROOT))
                .filter(m -> !m.isEmpty()).toList();
    }

    /** A headless browser, an automation tool, an HTTP library, a crawler, or no user agent at all. */
    boolean automated(String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return true;
        }
        String lower = userAgent.toLowerCase(Locale.ROOT);
        return automationMarkers.stream().anyMatch(lower::contains);
    }

    /**
     * Chromium (Chrome, Edge, Opera, Brave...) sends Sec-CH-UA on every request to a secure context (HTTPS or
     * localhost); Firefox and Safari never do, so only a Chromium user agent is expected to.
     */
    static boolean chromium(String userAgent) {
        if (userAgent == null) {
            return false;
        }
        String lower = userAgent.toLowerCase(Locale.ROOT);
        return lower.contains("chrome/") || lower.contains("chromium/");
    }
}
