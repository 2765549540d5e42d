package votes.infra.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import votes.infra.stack.StackSettings;

class EnvCommandTest {

    @Test
    void anAuditorGetsTheStacksAddressesAndTheKeyCheckpointsAreVerifiedWith() {
        Map<String, String> vars = EnvCommand.variables(StackSettings.fromEnv(Map.of("VOTE_HOME", "/tmp/vh"),
                Path.of("/repo")));
        assertThat(vars).containsEntry("PGURL", "postgresql://votes:votes@127.0.0.1:5433/votes")
                .containsEntry("KAFKA_BOOTSTRAP", "127.0.0.1:9092")
                .containsEntry("CHECKPOINT_PUBLIC_KEY_FILE", "/tmp/vh/keys/checkpoint-public.pem");
    }

    @Test
    void operatorsGetTheAdminsKafkaLoginAndTheAuditorItsReadOnlyOne() {
        Map<String, String> vars = EnvCommand.variables(StackSettings.fromEnv(Map.of("VOTE_HOME", "/tmp/vh"),
                Path.of("/repo")));
        assertThat(vars).containsEntry("KAFKA_CLIENT_CONFIG", "/tmp/vh/secrets/kafka-admin.properties")
                .containsEntry("AUDIT_KAFKA_CONFIG", "/tmp/vh/secrets/kafka-audit.properties");
    }

    @Test
    void onThreeBrokersKafkaBootstrapListsThemAll() {
        Map<String, String> vars = EnvCommand.variables(StackSettings.fromEnv(Map.of("VOTE_KAFKA_PORT", "21092"),
                Path.of("/repo")).withBrokers(3));
        assertThat(vars).containsEntry("KAFKA_BOOTSTRAP", "127.0.0.1:21092,127.0.0.1:21102,127.0.0.1:21112");
    }
}
