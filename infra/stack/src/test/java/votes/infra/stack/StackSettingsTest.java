package votes.infra.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StackSettingsTest {

    @Test
    void defaultsFollowTheContract() {
        StackSettings s = StackSettings.fromEnv(Map.of(), Path.of("/repo"));
        assertThat(s.home()).isEqualTo(Path.of("/repo/.vote"));
        assertThat(s.ports()).isEqualTo(new StackPorts(8080, 8081, 8082, 8083, 8084, 8085, 9092, 9093, 5433, 6380));
        assertThat(s.pgUrl()).isEqualTo("postgresql://votes:votes@127.0.0.1:5433/votes");
        assertThat(s.redisUrl()).isEqualTo("redis://127.0.0.1:6380");
        assertThat(s.kafkaBootstrap()).isEqualTo("127.0.0.1:9092");
        assertThat(s.gatewayUrl()).isEqualTo("http://localhost:8080");
        assertThat(s.votesPartitions()).isEqualTo(6);
        assertThat(s.jwtIssuer()).isEqualTo("https://votes.local/dev");
    }

    @Test
    void everyPortAndTheHomeAreOverridable() {
        StackSettings s = StackSettings.fromEnv(Map.of("VOTE_HOME", "/tmp/vh", "VOTE_PG_PORT", "15433",
                "VOTE_KAFKA_PORT", "19092", "VOTE_REDIS_PORT", "16380", "VOTE_GATEWAY_PORT", "18080"), Path.of("/repo"));
        assertThat(s.home()).isEqualTo(Path.of("/tmp/vh"));
        assertThat(s.pgUrl()).isEqualTo("postgresql://votes:votes@127.0.0.1:15433/votes");
        assertThat(s.kafkaBootstrap()).isEqualTo("127.0.0.1:19092");
        assertThat(s.redisUrl()).isEqualTo("redis://127.0.0.1:16380");
        assertThat(s.gatewayUrl()).isEqualTo("http://localhost:18080");
    }

    @Test
    void aPortThatIsNotANumberIsNamedInTheError() {
        assertThatThrownBy(() -> StackPorts.fromEnv(Map.of("VOTE_PG_PORT", "five")))
                .hasMessageContaining("VOTE_PG_PORT");
    }

    @Test
    void ephemeralPortsAreDistinct() {
        StackPorts p = StackPorts.ephemeral();
        assertThat(java.util.Set.of(p.gateway(), p.ingest(), p.ledger(), p.realtime(), p.kafka(), p.kafkaController(),
                p.postgres(), p.redis())).hasSize(8);
    }
}
