package votes.infra.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import votes.infra.stack.StackSettings;

class ServiceEnvTest {

    private final StackSettings oneBroker = StackSettings.fromEnv(Map.of(), Path.of("/repo"));

    @Test
    void eachServiceLogsInToKafkaAsItsOwnPrincipalOverScram(@TempDir Path home) {
        StackSettings settings = StackSettings.ephemeral(home, home);
        Map<String, String> ingest = ServiceEnv.kafka(settings, "ingest");
        assertThat(ingest).containsEntry("KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT")
                .containsEntry("KAFKA_SASL_MECHANISM", "SCRAM-SHA-512");
        assertThat(ingest.get("KAFKA_SASL_JAAS_CONFIG")).startsWith(
                "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"ingest\" password=\"");
        assertThat(ServiceEnv.kafka(settings, "ledger/cdc-relay").get("KAFKA_SASL_JAAS_CONFIG"))
                .contains("username=\"cdc-relay\"").isNotEqualTo(ingest.get("KAFKA_SASL_JAAS_CONFIG"));
    }

    @Test
    void aRebuildingLedgerLogsInAsTheLedgerItsCodeIs(@TempDir Path home) {
        StackSettings settings = StackSettings.ephemeral(home, home);
        assertThat(ServiceEnv.kafka(settings, ServiceSpec.LEDGER.module()).get("KAFKA_SASL_JAAS_CONFIG"))
                .contains("username=\"ledger\"");
    }

    @Test
    void servicesOfAThreeBrokerStackAreGivenEveryBrokerAndReplicateTheirOwnTopicsThreeTimes() {
        Map<String, String> env = ServiceEnv.of(oneBroker.withBrokers(3), 8084);
        assertThat(env).containsEntry("KAFKA_BOOTSTRAP", "127.0.0.1:9092,127.0.0.1:9102,127.0.0.1:9112")
                .containsEntry("PROJECTIONS_REPLICATION_FACTOR", "3");
    }

    @Test
    void onOneBrokerTheProjectionsTopicsHaveOneReplica() {
        assertThat(ServiceEnv.of(oneBroker, 8084)).containsEntry("KAFKA_BOOTSTRAP", "127.0.0.1:9092")
                .containsEntry("PROJECTIONS_REPLICATION_FACTOR", "1");
    }

    @Test
    void withReplicasIngestWaitsThroughABrokerFailoverInsteadOfAnswering503() {
        assertThat(ServiceEnv.of(oneBroker.withBrokers(3), 8081)).containsEntry("VOTE_KAFKA_DELIVERY_TIMEOUT_MS", "8000")
                .containsEntry("VOTE_SEND_TIMEOUT", "8500ms").containsEntry("VOTE_REQUEST_DEADLINE", "9s");
        assertThat(ServiceEnv.of(oneBroker, 8081)).doesNotContainKeys("VOTE_KAFKA_DELIVERY_TIMEOUT_MS",
                "VOTE_REQUEST_DEADLINE");
    }

    @Test
    void servicesListenOnLoopbackOnlyBehindTheGateway() {
        assertThat(ServiceEnv.of(oneBroker, 8081)).containsEntry("QUARKUS_HTTP_HOST", "127.0.0.1");
    }
}
