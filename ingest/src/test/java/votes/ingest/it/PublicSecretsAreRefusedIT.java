package votes.ingest.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The packaged jar (prod launch mode, as ./vote up and a deployment run it) refuses public or weak secrets before
 * it takes a request, naming each setting, and starts with random ones. No Kafka, Redis or PostgreSQL is needed:
 * the producer and the Redis client connect lazily, and the check runs first among the start observers.
 */
class PublicSecretsAreRefusedIT {

    static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");
    /** A JVM start on a loaded machine: generous. */
    static final Duration PATIENCE = Duration.ofSeconds(120);
    static final String RANDOM = "k7Vq2Xw9Lr4Tn8Bz1Hc6Md3Pf5Js0Ga-Ye_Ku2Wo7Ni"; // StackSecrets' shape: 43 base64url chars

    @Test
    void thePackagedServiceExitsNonZeroNamingEverySecretThatIsPublicShortOrMissing() throws Exception {
        Path log = Files.createTempFile(Path.of("target"), "ingest-public-secrets-", ".log");
        Process ingest = launch(Map.of("VOTER_ID_KEY", "dev-voter-id-key-change-me", "VOTE_CHALLENGE_SECRET", "short"), log);
        try {
            assertThat(ingest.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS)).as("ingest exits by itself").isTrue();
        } finally {
            ingest.destroyForcibly(); // a no-op once it exited; never left running when the assertion fails
        }
        assertThat(ingest.exitValue()).isNotZero();
        String output = Files.readString(log);
        assertThat(output)
                .contains("VOTER_ID_KEY is the public dev value; set a random secret of ≥ 32 bytes (./vote up generates one)")
                .contains("VOTE_CHALLENGE_SECRET is 5 bytes, too short")
                // Not given at all: application.properties' public default stands in, and is refused as such.
                .contains("CLIENT_FACTS_KEY is the public dev value")
                .doesNotContain("Listening on");
    }

    @Test
    void thePackagedServiceStartsWithRandomSecrets() throws Exception {
        Path log = Files.createTempFile(Path.of("target"), "ingest-random-secrets-", ".log");
        Process ingest = launch(Map.of("VOTER_ID_KEY", RANDOM, "VOTE_CHALLENGE_SECRET", RANDOM + "c",
                "CLIENT_FACTS_KEY", RANDOM + "f"), log);
        try {
            await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200))
                    .until(() -> !ingest.isAlive() || Files.readString(log).contains("started in"));
            assertThat(Files.readString(log)).contains("started in").doesNotContain("refusing to start");
            assertThat(ingest.isAlive()).isTrue();
        } finally {
            ingest.destroy();
            if (!ingest.waitFor(30, TimeUnit.SECONDS)) {
                ingest.destroyForcibly();
            }
        }
    }

    private static Process launch(Map<String, String> secrets, Path log) throws IOException {
        assertThat(JAR).as("ingest is packaged (Failsafe runs after the package phase)").isRegularFile();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(List.of(java, "-Xmx256m", "-jar", JAR.toString()))
                .redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.keySet().removeAll(List.of("VOTER_ID_KEY", "VOTE_CHALLENGE_SECRET", "CLIENT_FACTS_KEY", "QUARKUS_PROFILE"));
        env.put("HTTP_PORT", "0");
        env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        // Nothing listens on port 1: a broker or Redis it tried to reach would fail fast instead of touching a stack.
        env.put("KAFKA_BOOTSTRAP", "127.0.0.1:1");
        env.put("REDIS_URL", "redis://127.0.0.1:1");
        env.put("LEDGER_URL", "http://127.0.0.1:1");
        env.putAll(secrets);
        return builder.start();
    }
}
