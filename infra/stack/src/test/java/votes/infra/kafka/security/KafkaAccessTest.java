package votes.infra.kafka.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import votes.infra.stack.StackSettings;

class KafkaAccessTest {

    @Test
    void theClientConfigFileIsOwnerOnlyAndHoldsBootstrapAndTheScramLogin(@TempDir Path home) throws Exception {
        StackSettings settings = StackSettings.ephemeral(home, home);
        KafkaAccess access = KafkaAccess.of(settings);
        Path file = access.writeClientConfig(KafkaPrincipal.ADMIN);
        assertThat(file).isEqualTo(access.configFile(KafkaPrincipal.ADMIN));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        Properties loaded = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            loaded.load(in);
        }
        assertThat(loaded).containsEntry("bootstrap.servers", settings.kafkaBootstrap())
                .containsEntry("security.protocol", "SASL_PLAINTEXT").containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .containsEntry("sasl.jaas.config", access.scramJaas(KafkaPrincipal.ADMIN));
        assertThat(access.scramJaas(KafkaPrincipal.ADMIN)).contains("password=\"" + access.password(KafkaPrincipal.ADMIN));
    }

    @Test
    void everyPrincipalHasItsOwnGeneratedPassword(@TempDir Path home) {
        KafkaAccess access = KafkaAccess.of(StackSettings.ephemeral(home, home));
        assertThat(KafkaAccess.scramUsers().stream().map(access::password).distinct()).hasSize(KafkaPrincipal.values().length);
        assertThat(access.password(KafkaPrincipal.INGEST)).as("kept with the stack")
                .isEqualTo(KafkaAccess.of(StackSettings.ephemeral(home, home)).password(KafkaPrincipal.INGEST));
    }

    @Test
    void aServiceNameFindsItsPrincipalButNeverTheSuperUsers() {
        assertThat(KafkaPrincipal.service("cdc-relay")).isEqualTo(KafkaPrincipal.CDC_RELAY);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> KafkaPrincipal.service("admin"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
