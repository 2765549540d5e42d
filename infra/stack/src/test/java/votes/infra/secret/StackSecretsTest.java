package votes.infra.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StackSecretsTest {

    @TempDir
    Path home;

    @Test
    void aSecretIsGeneratedOnceAndKeptForTheStack() {
        StackSecrets secrets = StackSecrets.in(home.resolve("secrets"));
        String first = secrets.get("pg-ledger");
        assertThat(first).matches("[A-Za-z0-9_-]{43}");
        assertThat(StackSecrets.in(home.resolve("secrets")).get("pg-ledger")).isEqualTo(first);
        assertThat(secrets.get("pg-audit")).isNotEqualTo(first);
    }

    @Test
    void onlyTheOwnerCanReadTheSecretsOrListTheirFolder() throws Exception {
        StackSecrets secrets = StackSecrets.in(home.resolve("secrets"));
        secrets.get("redis-votes");
        Path written = secrets.writePrivate("kafka-admin.properties", "sasl.mechanism=SCRAM-SHA-512\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secrets.dir()))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secrets.file("redis-votes"))))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(written))).isEqualTo("rw-------");
        assertThat(Files.readString(written)).isEqualTo("sasl.mechanism=SCRAM-SHA-512\n");
    }

    @Test
    void aNameThatCouldLeaveTheFolderIsRefused() {
        StackSecrets secrets = StackSecrets.in(home.resolve("secrets"));
        assertThatThrownBy(() -> secrets.get("../keys/jwt-private.pem")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> secrets.get("")).isInstanceOf(IllegalArgumentException.class);
    }
}
