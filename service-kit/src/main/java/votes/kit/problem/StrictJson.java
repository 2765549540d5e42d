package votes.kit.problem;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * Request bodies with a repeated member ({@code {"opensAt": "...", "opensAt": 1e30}}) are malformed: 400 through
 * {@link ProblemMappers} like any unreadable JSON. Jackson would otherwise keep the last value, so a proxy or a log
 * reading the first sees another request than the service; and for a record body the repeat threw an
 * InvalidDefinitionException that Quarkus answered with 500 (found by infra/system-tests' fuzz suite).
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    }
}
