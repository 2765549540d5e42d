package votes.kit.topic;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.admin.AdminClientConfig;
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

    /**
     * An admin client's configuration under this login, every request bounded by {@code timeout}: a check that asks
     * the broker must answer within a probe, where Kafka's defaults wait up to a minute.
     */
    public Map<String, Object> adminSettings(String bootstrap, String clientId, Duration timeout) {
        Map<String, Object> config = new HashMap<>(settings);
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(AdminClientConfig.CLIENT_ID_CONFIG, clientId);
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        return config;
    }
}
