package votes.ingest.bot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FeatureTest {

    /** The debug line perf's weight fit parses (votes.perf.fit.FeatureLog): every feature, slug=value, 4 decimals. */
    @Test
    void theDebugLineNamesEveryFeatureBySlugInTheEnumsOrder() {
        Map<Feature, Double> features = new EnumMap<>(Feature.class);
        for (Feature feature : Feature.values()) {
            features.put(feature, 0.0);
        }
        features.put(Feature.HEADLESS_USER_AGENT, 1.0);
        features.put(Feature.ADDRESS_VELOCITY, 0.125);

        String line = Feature.line(features);

        assertThat(line).startsWith("address-velocity=0.1250 prefix-velocity=0.0000")
                .contains(" headless-user-agent=1.0000 ").endsWith("bulk-minted-token=0.0000");
        assertThat(line.split(" ")).hasSize(Feature.values().length);
    }
}
