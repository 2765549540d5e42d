package votes.perf.swarm;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Real-looking clients. Chromium browsers (Chrome, Edge, Android Chrome) send client hints; Safari and Firefox send
 * none, so a share of honest people lacks them too (the score must not treat that alone as a bot). Bots that pose as
 * browsers copy a Chrome profile; the headless ones send what their libraries send.
 */
final class BrowserProfiles {

    private static final String CHROME_BRANDS =
            "\"Chromium\";v=\"131\", \"Not_A Brand\";v=\"24\", \"Google Chrome\";v=\"131\"";
    private static final String EDGE_BRANDS =
            "\"Microsoft Edge\";v=\"131\", \"Chromium\";v=\"131\", \"Not_A Brand\";v=\"24\"";
    private static final List<String> LANGUAGES = List.of("en-US,en;q=0.9", "en-GB,en;q=0.9",
            "de-DE,de;q=0.9,en;q=0.8", "fr-FR,fr;q=0.9,en;q=0.7", "es-ES,es;q=0.9", "nl-NL,nl;q=0.9,en;q=0.8");

    static final List<ClientProfile> WITH_HINTS = List.of(
            chromium("chrome-windows", "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko)"
                    + " Chrome/131.0.0.0 Safari/537.36", CHROME_BRANDS, "?0", "\"Windows\""),
            chromium("chrome-macos", "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like"
                    + " Gecko) Chrome/131.0.0.0 Safari/537.36", CHROME_BRANDS, "?0", "\"macOS\""),
            chromium("chrome-android", "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko)"
                    + " Chrome/131.0.0.0 Mobile Safari/537.36", CHROME_BRANDS, "?1", "\"Android\""),
            chromium("edge-windows", "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko)"
                    + " Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0", EDGE_BRANDS, "?0", "\"Windows\""));

    static final List<ClientProfile> WITHOUT_HINTS = List.of(
            plain("safari-ios", "Mozilla/5.0 (iPhone; CPU iPhone OS 17_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML,"
                    + " like Gecko) Version/17.6 Mobile/15E148 Safari/604.1"),
            plain("safari-macos", "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like"
                    + " Gecko) Version/17.6 Safari/605.1.15"),
            plain("firefox-windows", "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0"));

    /** Puppeteer's default: a Chrome without the hints a real Chrome sends, and no Accept-Language. */
    static final ClientProfile HEADLESS_CHROME = new ClientProfile("headless-chrome", Map.of(ClientProfile.USER_AGENT,
            "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0.0.0"
                    + " Safari/537.36"));
    static final ClientProfile PYTHON_REQUESTS = new ClientProfile("python-requests",
            Map.of(ClientProfile.USER_AGENT, "python-requests/2.32.3"));

    private BrowserProfiles() {
    }

    /** A person's browser: one without hints with probability {@code hintlessShare}, else a Chromium one. */
    static ClientProfile human(Random random, double hintlessShare) {
        List<ClientProfile> family = random.nextDouble() < hintlessShare ? WITHOUT_HINTS : WITH_HINTS;
        return withLanguage(family.get(random.nextInt(family.size())), random);
    }

    /** A bot posing as a browser: a Chrome profile, hints and language included. */
    static ClientProfile posingBot(Random random) {
        return withLanguage(WITH_HINTS.get(random.nextInt(WITH_HINTS.size())), random);
    }

    private static ClientProfile withLanguage(ClientProfile profile, Random random) {
        Map<String, String> headers = new LinkedHashMap<>(profile.headers());
        headers.put("Accept-Language", LANGUAGES.get(random.nextInt(LANGUAGES.size())));
        return new ClientProfile(profile.name(), headers);
    }

    private static ClientProfile chromium(String name, String userAgent, String brands, String mobile, String platform) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(ClientProfile.USER_AGENT, userAgent);
        headers.put(ClientProfile.CH_UA, brands);
        headers.put("Sec-CH-UA-Mobile", mobile);
        headers.put("Sec-CH-UA-Platform", platform);
        return new ClientProfile(name, headers);
    }

    private static ClientProfile plain(String name, String userAgent) {
        return new ClientProfile(name, Map.of(ClientProfile.USER_AGENT, userAgent));
    }
}
