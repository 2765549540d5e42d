package votes.perf.swarm;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The headers a client sends that say what it is: User-Agent, the Chromium client hints (Sec-CH-UA...) and
 * Accept-Language. What the bot score reads besides the network; {@code name} labels it in the CSV.
 */
public record ClientProfile(String name, Map<String, String> headers) {

    public static final String USER_AGENT = "User-Agent";
    public static final String CH_UA = "Sec-CH-UA";

    public ClientProfile {
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    public String userAgent() {
        return headers.get(USER_AGENT);
    }

    public boolean clientHints() {
        return headers.containsKey(CH_UA);
    }

    public boolean acceptLanguage() {
        return headers.containsKey("Accept-Language");
    }
}
