package votes.infra.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import votes.infra.postgres.role.DatabaseRole;
import votes.infra.stack.StackSettings;

class ServiceEnvTest {

    @TempDir
    Path home;
    private StackSettings oneBroker;

    @BeforeEach
    void settings() {
        oneBroker = StackSettings.fromEnv(Map.of("VOTE_HOME", home.toString()), Path.of("/repo"));
    }

    @Test
    void servicesOfAThreeBrokerStackAreGivenEveryBrokerAndReplicateTheirOwnTopicsThreeTimes() {
        Map<String, String> env = ServiceEnv.of(oneBroker.withBrokers(3), ServiceSpec.PROJECTIONS, 8084);
        assertThat(env).containsEntry("KAFKA_BOOTSTRAP", "127.0.0.1:9092,127.0.0.1:9102,127.0.0.1:9112")
                .containsEntry("PROJECTIONS_REPLICATION_FACTOR", "3");
    }

    @Test
    void onOneBrokerTheProjectionsTopicsHaveOneReplica() {
        assertThat(ServiceEnv.of(oneBroker, ServiceSpec.PROJECTIONS, 8084)).containsEntry("KAFKA_BOOTSTRAP", "127.0.0.1:9092")
                .containsEntry("PROJECTIONS_REPLICATION_FACTOR", "1");
    }

    @Test
    void withReplicasIngestWaitsThroughABrokerFailoverInsteadOfAnswering503() {
        assertThat(ServiceEnv.of(oneBroker.withBrokers(3), ServiceSpec.INGEST, 8081)).containsEntry("VOTE_KAFKA_DELIVERY_TIMEOUT_MS", "8000")
                .containsEntry("VOTE_SEND_TIMEOUT", "8500ms").containsEntry("VOTE_REQUEST_DEADLINE", "9s");
        assertThat(ServiceEnv.of(oneBroker, ServiceSpec.INGEST, 8081)).doesNotContainKeys("VOTE_KAFKA_DELIVERY_TIMEOUT_MS",
                "VOTE_REQUEST_DEADLINE");
    }

    @Test
    void servicesListenOnLoopbackOnlyBehindTheGateway() {
        assertThat(ServiceEnv.of(oneBroker, ServiceSpec.INGEST, 8081)).containsEntry("QUARKUS_HTTP_HOST", "127.0.0.1");
    }

    @Test
    void eachServiceLogsIntoPostgresqlAsItsOwnRoleAndOnlyTheLedgerMigratesAsTheOwner() {
        Map<String, String> ledger = ServiceEnv.of(oneBroker, ServiceSpec.LEDGER, 8082);
        assertThat(ledger).containsEntry("PG_USER", "votes_ledger")
                .containsEntry("PG_PASSWORD", oneBroker.pgLogin(DatabaseRole.LEDGER).password())
                .containsEntry("PG_MIGRATION_USER", "votes")
                .containsEntry("PG_MIGRATION_PASSWORD", oneBroker.pgLogin(DatabaseRole.OWNER).password());
        assertThat(ServiceEnv.of(oneBroker, ServiceSpec.CDC_RELAY, 8085)).containsEntry("PG_USER", "votes_relay")
                .containsEntry("PG_PASSWORD", oneBroker.pgLogin(DatabaseRole.RELAY).password())
                .doesNotContainKeys("PG_MIGRATION_USER", "PG_MIGRATION_PASSWORD");
        for (ServiceSpec none : java.util.List.of(ServiceSpec.INGEST, ServiceSpec.REALTIME, ServiceSpec.PROJECTIONS)) {
            assertThat(ServiceEnv.of(oneBroker, none, 8081)).doesNotContainKeys("PG_USER", "PG_PASSWORD",
                    "PG_MIGRATION_USER", "PG_MIGRATION_PASSWORD");
        }
    }
}
