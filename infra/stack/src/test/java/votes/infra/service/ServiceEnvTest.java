package votes.infra.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import votes.infra.postgres.role.DatabaseRole;
import votes.infra.stack.StackSettings;

class ServiceEnvTest {

    static final List<String> SECRETS = List.of("VOTER_ID_KEY", "VOTE_CHALLENGE_SECRET", "CLIENT_FACTS_KEY");

    @TempDir
    Path home;
    private StackSettings oneBroker;

    @BeforeEach
    void stackHome() {
        oneBroker = StackSettings.fromEnv(Map.of("VOTE_HOME", home.toString()), Path.of("/repo"));
    }

    @Test
    void everyServiceSecretIsGeneratedPerStackKeptAcrossStartsAndPrivateToItsOwner() throws Exception {
        Map<String, String> env = ServiceEnv.of(oneBroker, ServiceSpec.INGEST, 8081);
        for (String name : SECRETS) {
            // 32 random bytes in base64url: 43 characters, and no value this repository publishes.
            assertThat(env.get(name)).as(name).hasSize(43).matches("[A-Za-z0-9_-]+").doesNotContain("change-me");
        }
        assertThat(SECRETS.stream().map(env::get).distinct()).hasSize(SECRETS.size());
        assertThat(ServiceEnv.of(StackSettings.fromEnv(Map.of("VOTE_HOME", home.toString()), Path.of("/repo")), ServiceSpec.LEDGER, 8082))
                .as("a second start of the same stack").containsAllEntriesOf(Map.of(
                        "VOTER_ID_KEY", env.get("VOTER_ID_KEY"), "CLIENT_FACTS_KEY", env.get("CLIENT_FACTS_KEY")));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(home.resolve("secrets/voter-id-key"))))
                .isEqualTo("rw-------");
    }

    @Test
    void everyServiceTrustsTheRealmsIssuerAndTheDevKeyOnTheStacksThisModuleStarts() {
        Map<String, String> env = ServiceEnv.of(oneBroker, ServiceSpec.INGEST, 8081);
        assertThat(env).containsEntry("OIDC_ISSUER", "http://127.0.0.1:" + oneBroker.ports().keycloak() + "/realms/votes")
                .containsEntry("VOTE_TRUST_DEV_ISSUER", "true")
                .containsEntry("JWT_ISSUER", oneBroker.jwt().issuer());
    }

    @Test
    void anExplicitVoterIdKeyWinsOverTheGeneratedOne() {
        StackSettings named = StackSettings.fromEnv(Map.of("VOTE_HOME", home.toString(), "VOTER_ID_KEY",
                "a-key-this-deployment-keeps-elsewhere-0123456789"), Path.of("/repo"));
        assertThat(ServiceEnv.of(named, ServiceSpec.INGEST, 8081))
                .containsEntry("VOTER_ID_KEY", "a-key-this-deployment-keeps-elsewhere-0123456789");
        assertThat(Files.exists(home.resolve("secrets/voter-id-key"))).isFalse();
    }

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
    void projectionsKeepOneStaticMembershipIdAcrossRestartsOfAStack() {
        var onOneBroker = ServiceEnv.of(oneBroker, ServiceSpec.PROJECTIONS, 8084);
        assertThat(onOneBroker).containsEntry("PROJECTIONS_INSTANCE_ID", "projections-local");
        assertThat(ServiceEnv.of(oneBroker.withBrokers(3), ServiceSpec.PROJECTIONS, 8084))
                .containsEntry("PROJECTIONS_INSTANCE_ID", onOneBroker.get("PROJECTIONS_INSTANCE_ID"));
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
