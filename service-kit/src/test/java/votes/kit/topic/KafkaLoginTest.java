package votes.kit.topic;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;

class KafkaLoginTest {

    private final KafkaLogin login = new KafkaLogin("SASL_PLAINTEXT", Optional.of("SCRAM-SHA-512"),
            Optional.of("org.apache.kafka.common.security.scram.ScramLoginModule required;"));

    @Test
    void anAdminClientLogsInAsTheServiceAndWaitsNoLongerThanItsCheck() {
        Map<String, Object> admin = login.adminSettings("127.0.0.1:9092", "votes-check", Duration.ofSeconds(2));

        assertThat(admin).containsEntry("security.protocol", "SASL_PLAINTEXT")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .containsEntry(AdminClientConfig.CLIENT_ID_CONFIG, "votes-check")
                .containsEntry(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000)
                .containsEntry(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 2000);
    }

    @Test
    void anIdleAdminClientsMetadataRefreshFindsItsConnectionStillOpen() {
        Map<String, Object> admin = login.adminSettings("127.0.0.1:9092", "votes-check", Duration.ofSeconds(2));

        long refreshEveryMs = (long) admin.get(AdminClientConfig.METADATA_MAX_AGE_CONFIG);
        long closedAfterIdleMs = (long) admin.get(AdminClientConfig.CONNECTIONS_MAX_IDLE_MS_CONFIG);
        // Equal periods race (Kafka's defaults): the refresh then often opens, and logs in on, a new connection.
        assertThat(closedAfterIdleMs).isGreaterThanOrEqualTo(2 * refreshEveryMs);
    }
}
