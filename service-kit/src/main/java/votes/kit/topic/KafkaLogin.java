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

    /** Kafka's default for an admin client, said here because {@link #ADMIN_CONNECTION_MAX_IDLE} depends on it. */
    static final Duration ADMIN_METADATA_MAX_AGE = Duration.ofMinutes(5);

    /**
     * An idle admin client still refreshes its metadata every {@link #ADMIN_METADATA_MAX_AGE}, and Kafka's default
     * closes an admin's connection after the same 5 minutes idle: each refresh found its connection closed and logged
     * in anew (a SCRAM login, ~115 ms of CPU on C1). Twice the refresh period keeps the connection, which the refresh
     * itself keeps in use, so neither this idle limit nor the broker's (10 min) ends it.
     */
    static final Duration ADMIN_CONNECTION_MAX_IDLE = ADMIN_METADATA_MAX_AGE.multipliedBy(2);

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
        config.put(AdminClientConfig.METADATA_MAX_AGE_CONFIG, ADMIN_METADATA_MAX_AGE.toMillis());
        config.put(AdminClientConfig.CONNECTIONS_MAX_IDLE_MS_CONFIG, ADMIN_CONNECTION_MAX_IDLE.toMillis());
        return config;
    }
}
