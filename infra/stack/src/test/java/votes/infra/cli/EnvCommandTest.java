package votes.infra.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import votes.infra.postgres.role.DatabaseRole;
import votes.infra.stack.StackSettings;

class EnvCommandTest {

    @Test
    void anAuditorGetsTheStacksAddressesTheReadOnlyRoleAndTheKeyCheckpointsAreVerifiedWith(@TempDir Path home) {
        StackSettings settings = StackSettings.fromEnv(Map.of("VOTE_HOME", home.toString()), Path.of("/repo"));
        Map<String, String> vars = EnvCommand.variables(settings);
        String reader = settings.pgLogin(DatabaseRole.READER).password();
        String owner = settings.pgLogin(DatabaseRole.OWNER).password();
        assertThat(vars).containsEntry("PGURL", "postgresql://votes_reader:" + reader + "@127.0.0.1:5433/votes")
                .containsEntry("PGURL_ADMIN", "postgresql://votes:" + owner + "@127.0.0.1:5433/votes")
                .containsEntry("REDIS_URL", "redis://votes:" + settings.secrets().get("redis-votes") + "@127.0.0.1:6380")
                .containsEntry("KAFKA_BOOTSTRAP", "127.0.0.1:9092")
                .containsEntry("CHECKPOINT_PUBLIC_KEY_FILE", home.resolve("keys/checkpoint-public.pem").toString());
    }

    @Test
    void aClientGetsTheHttpsOriginAndTheCaThatVouchesForIt(@TempDir Path home) {
        Map<String, String> vars = EnvCommand.variables(StackSettings.fromEnv(Map.of("VOTE_HOME", home.toString(),
                "VOTE_GATEWAY_TLS_PORT", "21443"), Path.of("/repo")));
        assertThat(vars).containsEntry("VOTE_TLS_URL", "https://localhost:21443")
                .containsEntry("VOTE_CA_FILE", home.resolve("tls/ca.pem").toString())
                .containsEntry("VOTE_URL", "http://localhost:8080");
    }

    @Test
    void operatorsGetTheAdminsKafkaLoginAndTheAuditorItsReadOnlyOne(@TempDir Path home) {
        Map<String, String> vars = EnvCommand.variables(StackSettings.fromEnv(Map.of("VOTE_HOME", home.toString()),
                Path.of("/repo")));
        assertThat(vars).containsEntry("KAFKA_CLIENT_CONFIG", home.resolve("secrets/kafka-admin.properties").toString())
                .containsEntry("AUDIT_KAFKA_CONFIG", home.resolve("secrets/kafka-audit.properties").toString());
    }

    @Test
    void onThreeBrokersKafkaBootstrapListsThemAll(@TempDir Path home) {
        Map<String, String> vars = EnvCommand.variables(StackSettings.fromEnv(Map.of("VOTE_KAFKA_PORT", "21092",
                "VOTE_HOME", home.toString()),
                Path.of("/repo")).withBrokers(3));
        assertThat(vars).containsEntry("KAFKA_BOOTSTRAP", "127.0.0.1:21092,127.0.0.1:21102,127.0.0.1:21112");
    }

    @Test
    void aClientGetsTheIssuerTheCliClientAndTheDemoAccountsGeneratedForThisStack(@TempDir Path home) {
        StackSettings settings = StackSettings.fromEnv(Map.of("VOTE_HOME", home.toString(),
                "VOTE_KEYCLOAK_PORT", "21180"), Path.of("/repo"));
        Map<String, String> vars = EnvCommand.variables(settings);
        assertThat(vars).containsEntry("OIDC_ISSUER", "http://127.0.0.1:21180/realms/votes")
                .containsEntry("VOTE_OIDC_CLIENT", "votes-cli")
                .containsEntry("VOTE_DEMO_VOTER_USER", "demo-voter")
                .containsEntry("VOTE_DEMO_ADMIN_USER", "demo-admin")
                .containsEntry("VOTE_DEMO_VOTER_PASSWORD", settings.secrets().get("keycloak-demo-voter"))
                .containsEntry("VOTE_DEMO_ADMIN_PASSWORD", settings.secrets().get("keycloak-demo-admin"));
        assertThat(vars.get("VOTE_DEMO_VOTER_PASSWORD")).hasSizeGreaterThanOrEqualTo(40)
                .isNotEqualTo(vars.get("VOTE_DEMO_ADMIN_PASSWORD"));
        // Kept per stack: a second look gives the same passwords the realm was imported with.
        assertThat(EnvCommand.variables(settings)).containsAllEntriesOf(vars);
    }
}
