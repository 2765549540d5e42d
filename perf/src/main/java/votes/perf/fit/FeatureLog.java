package votes.perf.fit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Reads ingest's bot-score debug lines ({@code bot features poll=P voter=V score=S slug=x ...}, switched on with
 * {@code QUARKUS_LOG_CATEGORY__VOTES_INGEST_BOT__LEVEL=DEBUG}) out of its log. The feature slugs come from the line
 * itself, so the fit follows the model's features without depending on ingest's code.
 */
public final class FeatureLog {

    static final String MARKER = "bot features ";

    private FeatureLog() {
    }

    public static List<ScoredVote> read(Path log) {
        try (Stream<String> lines = Files.lines(log)) {
            return lines.map(FeatureLog::parse).flatMap(Optional::stream).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + log, e);
        }
    }

    static Optional<ScoredVote> parse(String line) {
        int at = line.indexOf(MARKER);
        if (at < 0) {
            return Optional.empty();
        }
        Map<String, String> pairs = new LinkedHashMap<>();
        for (String token : line.substring(at + MARKER.length()).trim().split("\\s+")) {
            int eq = token.indexOf('=');
            if (eq > 0) {
                pairs.put(token.substring(0, eq), token.substring(eq + 1));
            }
        }
        String poll = pairs.remove("poll");
        String voter = pairs.remove("voter");
        String score = pairs.remove("score");
        if (poll == null || voter == null || score == null) {
            return Optional.empty();
        }
        Map<String, Double> features = new LinkedHashMap<>();
        pairs.forEach((slug, value) -> features.put(slug, number(value)));
        return Optional.of(new ScoredVote(poll, voter, number(score), features));
    }

    /** The JVM formats with its default locale: a decimal comma is read as well. */
    private static double number(String text) {
        return Double.parseDouble(text.replace(',', '.'));
    }
}
