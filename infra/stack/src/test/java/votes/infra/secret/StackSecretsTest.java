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
    void threadsAskingForANewSecretAtOnceAllGetTheSameFullValue() throws Exception {
        StackSecrets secrets = StackSecrets.in(home.resolve("secrets"));
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            java.util.List<java.util.concurrent.Future<String>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < 64; i++) {
                answers.add(pool.submit(() -> secrets.get("kafka-broker")));
            }
            java.util.Set<String> values = new java.util.HashSet<>();
            for (java.util.concurrent.Future<String> answer : answers) {
                values.add(answer.get());
            }
            assertThat(values).hasSize(1).allMatch(v -> v.length() == 43);
            try (java.util.stream.Stream<Path> left = Files.list(secrets.dir())) {
                assertThat(left.map(p -> p.getFileName().toString())).containsExactly("kafka-broker");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aNameThatCouldLeaveTheFolderIsRefused() {
        StackSecrets secrets = StackSecrets.in(home.resolve("secrets"));
        assertThatThrownBy(() -> secrets.get("../keys/jwt-private.pem")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> secrets.get("")).isInstanceOf(IllegalArgumentException.class);
    }
}
