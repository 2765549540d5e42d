package votes.ingest.it;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Abuse-defense settings for the ITs that are about them. */
public final class AbuseProfiles {

    private AbuseProfiles() {
    }

    /**
     * The limits as shipped: the defaults written in application.properties (read from it, so they cannot drift),
     * over the relaxed values the build's env gives every other IT (root pom, Failsafe).
     */
    public static class ShippedLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> limits = shippedDefaults("vote.abuse.");
            // The limits alone: these clients (one Java HttpClient, tokens minted and used at once) are what the
            // bot score challenges, which BotDefenseIT is about; here the 429s of the limits are.
            limits.put("vote.abuse.challenge", "off");
            return limits;
        }
    }

    /** The adaptive bot defence and the limits as shipped (vote.abuse.*, vote.bot.*). */
    public static class ShippedDefense implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> shipped = shippedDefaults("vote.abuse.");
            shipped.putAll(shippedDefaults("vote.bot."));
            shipped.put("vote.abuse.challenge", "adaptive");
            return shipped;
        }
    }

    /** The defaults application.properties ships ({@code ${ENV:default}}) of every key starting with {@code prefix}. */
    public static Map<String, String> shippedDefaults(String prefix) {
        Properties shipped = new Properties();
        try (var in = AbuseProfiles.class.getClassLoader().getResourceAsStream("application.properties")) {
            shipped.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> defaults = new HashMap<>();
        Pattern envWithDefault = Pattern.compile("\\$\\{[A-Z0-9_]+:([^}]*)}");
        shipped.stringPropertyNames().stream().filter(key -> key.startsWith(prefix)).forEach(key -> {
            Matcher m = envWithDefault.matcher(shipped.getProperty(key));
            if (m.matches()) {
                defaults.put(key, m.group(1));
            }
        });
        return defaults;
    }

    /** Three attempts per voter and five per device per minute; the bot defence off (not what these tests are about). */
    public static class Tight implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.ofEntries(Map.entry("vote.abuse.window", "60s"),
                    Map.entry("vote.abuse.voter-limit", "3"), Map.entry("vote.abuse.voter-burst", "3"),
                    Map.entry("vote.abuse.device-limit", "5"), Map.entry("vote.abuse.device-burst", "5"),
                    Map.entry("vote.abuse.address-limit", "1000"), Map.entry("vote.abuse.address-burst", "1000"),
                    Map.entry("vote.abuse.prefix-limit", "1000"), Map.entry("vote.abuse.prefix-burst", "1000"),
                    Map.entry("vote.abuse.challenge", "off"),
                    // This machine is shared with other builds: the default 50 ms would make counters flaky.
                    Map.entry("vote.redis.timeout", "2s"),
                    Map.entry("quarkus.log.category.\"votes.ingest\".level", "DEBUG"));
        }
    }
}
