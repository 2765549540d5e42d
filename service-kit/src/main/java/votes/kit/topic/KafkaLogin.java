package votes.kit.topic;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The service's Kafka login ({@code kafka.security.protocol}, {@code kafka.sasl.*}: what its messaging channels use),
 * for the Kafka clients the service builds itself: the same principal, so the same ACLs.
 */
@ApplicationScoped
public class KafkaLogin {

    private final Map<String, Object> settings = new LinkedHashMap<>();

    public KafkaLogin(@ConfigProperty(name = "kafka.security.protocol", defaultValue = "PLAINTEXT") String protocol,
                      @ConfigProperty(name = "kafka.sasl.mechanism") Optional<String> mechanism,
                      @ConfigProperty(name = "kafka.sasl.jaas.config") Optional<String> jaas) {
        settings.put("security.protocol", protocol);
        mechanism.ifPresent(value -> settings.put("sasl.mechanism", value));
        jaas.ifPresent(value -> settings.put("sasl.jaas.config", value));
    }

    /** Client settings to merge into a Kafka client's configuration. */
    public Map<String, Object> settings() {
        return Map.copyOf(settings);
    }
}
