package votes.ingest.bot;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import votes.ingest.it.AbuseProfiles;

/** The bot model, norms and policy exactly as application.properties ships them (its ${ENV:default} defaults). */
final class Shipped {

    private static final Map<String, String> DEFAULTS = AbuseProfiles.shippedDefaults("vote.");

    private Shipped() {
    }

    static String value(String key) {
        String value = DEFAULTS.get(key);
        if (value == null) {
            throw new IllegalStateException(key + " has no default in application.properties");
        }
        return value;
    }

    static double number(String key) {
        return Double.parseDouble(value(key));
    }

    static BotModel model() {
        Map<String, Double> bySlug = new HashMap<>();
        for (Feature feature : Feature.values()) {
            bySlug.put(feature.slug(), number("vote.bot.weights." + feature.slug()));
        }
        return new BotModel(number("vote.bot.bias"), BotDefense.weights(bySlug), (int) number("vote.bot.max-reasons"));
    }

    static Norms norms() {
        return new Norms((long) number("vote.abuse.address-limit"), (long) number("vote.abuse.prefix-limit"),
                (long) number("vote.abuse.device-limit"), (long) number("vote.bot.user-agent-scale"),
                (long) number("vote.bot.bulk-mint-scale"), Duration.parse("PT" + value("vote.bot.fresh-token").toUpperCase()),
                (int) number("vote.bot.min-arrivals"), number("vote.bot.human-arrival-cv"),
                number("vote.bot.browser-hashes-per-second"),
                Arrays.asList(value("vote.bot.automation-markers").split(",")),
                (long) number("vote.bot.skew-min-votes"));
    }

    static DecisionPolicy policy() {
        return new DecisionPolicy(number("vote.bot.challenge-threshold"), number("vote.bot.flag-threshold"),
                number("vote.bot.refuse-threshold"), (int) number("vote.bot.difficulty-floor"),
                (int) number("vote.bot.difficulty-max"), (int) number("vote.bot.proof-slack-bits"));
    }

    static List<String> markers() {
        return norms().automationMarkers();
    }
}
