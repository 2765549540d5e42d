package votes.infra.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import votes.infra.postgres.role.DatabaseLogin;
import votes.infra.postgres.role.DatabaseRole;

class StackSettingsTest {

    @Test
    void defaultsFollowTheContract() {
        StackSettings s = StackSettings.fromEnv(Map.of(), Path.of("/repo"));
        assertThat(s.home()).isEqualTo(Path.of("/repo/.vote"));
        assertThat(s.ports()).isEqualTo(new StackPorts(8080, 8081, 8082, 8083, 8084, 8085, 9092, 9093, 5433, 6380, 8443, 8180, 9411, 9090));
        assertThat(s.jdbcUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:5433/votes");
        assertThat(s.kafkaBootstrap()).isEqualTo("127.0.0.1:9092");
        assertThat(s.gatewayUrl()).isEqualTo("http://localhost:8080");
        assertThat(s.gatewayTlsUrl()).isEqualTo("https://localhost:8443");
        assertThat(s.caFile()).isEqualTo(Path.of("/repo/.vote/tls/ca.pem"));
        assertThat(s.votesPartitions()).isEqualTo(6);
        assertThat(s.brokers()).isEqualTo(1);
        assertThat(s.jwtIssuer()).isEqualTo("https://votes.local/dev");
        assertThat(s.jwt().audience()).isEqualTo("votes");
        assertThat(s.jwt().maxTtl()).isEqualTo(java.time.Duration.ofMinutes(15));
    }

    @Test
    void everyPortAndTheHomeAreOverridable(@TempDir Path home) {
        StackSettings s = StackSettings.fromEnv(Map.of("VOTE_HOME", home.toString(), "VOTE_PG_PORT", "15433",
                "VOTE_KAFKA_PORT", "19092", "VOTE_REDIS_PORT", "16380", "VOTE_GATEWAY_PORT", "18080",
                "VOTE_GATEWAY_TLS_PORT", "18443", "VOTE_KEYCLOAK_PORT", "18180"), Path.of("/repo"));
        assertThat(s.home()).isEqualTo(home);
        assertThat(s.pgUrl()).isEqualTo("postgresql://votes_reader:" + s.pgLogin(DatabaseRole.READER).password()
                + "@127.0.0.1:15433/votes");
        assertThat(s.kafkaBootstrap()).isEqualTo("127.0.0.1:19092");
        assertThat(s.redisUrl()).isEqualTo("redis://votes:" + s.secrets().get("redis-votes") + "@127.0.0.1:16380");
        assertThat(s.gatewayUrl()).isEqualTo("http://localhost:18080");
        assertThat(s.gatewayTlsUrl()).isEqualTo("https://localhost:18443");
        assertThat(s.ports().keycloak()).isEqualTo(18180);
    }

    @Test
    void eachRoleHasItsOwnGeneratedPasswordKeptInTheStacksSecrets(@TempDir Path home) {
        StackSettings s = StackSettings.fromEnv(Map.of("VOTE_HOME", home.toString()), Path.of("/repo"));
        java.util.Set<String> passwords = new java.util.HashSet<>();
        for (DatabaseRole role : DatabaseRole.values()) {
            DatabaseLogin login = s.pgLogin(role);
            assertThat(login.user()).isEqualTo(role.user());
            assertThat(login.password()).hasSizeGreaterThanOrEqualTo(43).isNotEqualTo("votes");
            assertThat(s.pgLogin(role)).isEqualTo(login);
            assertThat(home.resolve("secrets").resolve(role.secretName())).exists();
            passwords.add(login.password());
        }
        assertThat(passwords).hasSize(DatabaseRole.values().length);
        assertThat(s.pgUrl(DatabaseRole.OWNER)).startsWith("postgresql://votes:").endsWith("@127.0.0.1:5433/votes")
                .doesNotContain("votes:votes@");
        assertThat(s.pgLogin(DatabaseRole.LEDGER).toString()).doesNotContain(s.pgLogin(DatabaseRole.LEDGER).password());
    }

    @Test
    void aPortThatIsNotANumberIsNamedInTheError() {
        assertThatThrownBy(() -> StackPorts.fromEnv(Map.of("VOTE_PG_PORT", "five")))
                .hasMessageContaining("VOTE_PG_PORT");
    }

    @Test
    void ephemeralPortsAreDistinctIncludingThoseOfEveryKafkaNode() {
        StackPorts p = StackPorts.ephemeral();
        java.util.Set<Integer> ports = new java.util.HashSet<>(java.util.List.of(p.gateway(), p.ingest(), p.ledger(),
                p.realtime(), p.projections(), p.relay(), p.postgres(), p.redis(), p.gatewayTls()));
        for (int node = 1; node <= StackPorts.MAX_BROKERS; node++) {
            ports.add(p.kafka(node));
            ports.add(p.kafkaController(node));
        }
        assertThat(ports).hasSize(9 + 2 * StackPorts.MAX_BROKERS);
    }

    @Test
    void kafkaNodesListenTenPortsApart() {
        StackPorts p = StackSettings.fromEnv(Map.of("VOTE_KAFKA_PORT", "21092", "VOTE_KAFKA_CONTROLLER_PORT", "21093"),
                Path.of("/repo")).ports();
        assertThat(java.util.List.of(p.kafka(1), p.kafka(2), p.kafka(3))).containsExactly(21092, 21102, 21112);
        assertThat(java.util.List.of(p.kafkaController(1), p.kafkaController(2), p.kafkaController(3)))
                .containsExactly(21093, 21103, 21113);
    }

    @Test
    void aPortSetSurvivesItsTextForm() {
        StackPorts p = StackPorts.ephemeral();
        assertThat(StackPorts.decode(p.encode())).isEqualTo(p);
    }

    @Test
    void clientsOfAThreeBrokerStackAreGivenEveryBroker() {
        StackSettings s = StackSettings.fromEnv(Map.of(), Path.of("/repo")).withBrokers(3);
        assertThat(s.kafkaBootstrap()).isEqualTo("127.0.0.1:9092,127.0.0.1:9102,127.0.0.1:9112");
        assertThat(s.withPorts(StackPorts.ephemeral()).brokers()).isEqualTo(3);
    }

    @Test
    void aBrokerCountOutsideWhatThePortsAllowIsRefused() {
        StackSettings s = StackSettings.fromEnv(Map.of(), Path.of("/repo"));
        assertThatThrownBy(() -> s.withBrokers(0)).hasMessageContaining("1 to 5");
        assertThatThrownBy(() -> s.withBrokers(6)).hasMessageContaining("1 to 5");
    }
}
