package votes.perf.fit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The bot model as ingest's application.properties ships it: the defaults of {@code vote.bot.bias},
 * {@code vote.bot.weights.<slug>} and the three thresholds. The fit compares against it and prints its result in the
 * same lines, so a fitted model is a paste away.
 */
public record ShippedModel(double bias, Map<String, Double> weights, double challenge, double flag, double refuse) {

    private static final Pattern LINE = Pattern.compile("^vote\\.bot\\.([a-z.-]+)=\\$\\{([A-Z_]+):([^}]*)}");

    public static ShippedModel read(Path properties) {
        Map<String, Double> weights = new LinkedHashMap<>();
        Map<String, Double> knobs = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(properties)) {
                Matcher m = LINE.matcher(line);
                if (!m.find()) {
                    continue;
                }
                String name = m.group(1);
                if (name.startsWith("weights.")) {
                    weights.put(name.substring("weights.".length()), Double.parseDouble(m.group(3)));
                } else if (m.group(3).matches("-?[0-9.]+")) {
                    knobs.put(name, Double.parseDouble(m.group(3)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + properties, e);
        }
        return new ShippedModel(required(knobs, "bias"), weights, required(knobs, "challenge-threshold"),
                required(knobs, "flag-threshold"), required(knobs, "refuse-threshold"));
    }

    private static double required(Map<String, Double> knobs, String name) {
        Double value = knobs.get(name);
        if (value == null) {
            throw new IllegalArgumentException("vote.bot." + name + " has no numeric default");
        }
        return value;
    }

    public List<String> slugs() {
        return new ArrayList<>(weights.keySet());
    }

    public LogisticFit.Model model() {
        return new LogisticFit.Model(bias, weights.values().stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** application.properties lines for a model over {@link #slugs()}, with the env names ingest reads. */
    public List<String> propertyLines(LogisticFit.Model model) {
        List<String> lines = new ArrayList<>();
        lines.add(String.format("vote.bot.bias=${VOTE_BOT_BIAS:%.2f}", model.bias()));
        List<String> slugs = slugs();
        for (int j = 0; j < slugs.size(); j++) {
            String env = "VOTE_BOT_W_" + slugs.get(j).toUpperCase().replace('-', '_');
            lines.add(String.format("vote.bot.weights.%s=${%s:%.2f}", slugs.get(j), env, model.weights()[j]));
        }
        return lines;
    }
}
