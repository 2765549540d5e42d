package votes.images.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import votes.images.base.BaseImage;
import votes.infra.stack.Detached;
import votes.infra.stack.StackPorts;

/**
 * The tarballs {@code -Pimages package} wrote, run from their own root filesystems (see {@link Container}): the
 * base's JRE really runs, each image's entrypoint finds its main class in the layers Jib wrote, and ingest starts and
 * answers its liveness probe as user 65532 on a read-only root.
 */
class ImagesRunIT {

    private static final Path REPO = Path.of(System.getProperty("vote.root", "../..")).toAbsolutePath().normalize();
    private static final Path WORK = Path.of("target/it-images").toAbsolutePath();
    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
    private static final long DRY_RUN_TIMEOUT_SECONDS = 180;
    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void needsRoot() {
        assertThat(System.getProperty("user.name")).as("mount and PID namespaces need root").isEqualTo("root");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ingest", "ledger", "ledger/cdc-relay", "projections", "realtime", "infra/gateway",
            "audit"})
    void everyImageLoadsItsMainClassWithTheBaseJreAsNonrootAndCarriesItsCommitAndSbom(String module)
            throws Exception {
        String name = Path.of(module).getFileName().toString();
        Path tarball = REPO.resolve(module).resolve("target/image/votes-" + name + ".tar");
        UnpackedImage image = unpack(tarball, name);
        String commit = Detached.runToEnd(List.of("git", "rev-parse", "HEAD"), REPO, java.util.Map.of(), WORK,
                DRY_RUN_TIMEOUT_SECONDS).output().strip();

        assertThat(image.reference()).startsWith("votes/" + name + ":" + commit.substring(0, 7));
        assertThat(image.config().path("User").asText()).isEqualTo("65532:65532");
        assertThat(image.config().path("Labels").path("org.opencontainers.image.revision").asText()).isEqualTo(commit);
        assertThat(image.entrypoint().get(0)).isEqualTo(BaseImage.JAVA);

        // --dry-run: the JVM starts, loads and links the main class from the entrypoint's class path, stops.
        List<String> dryRun = new ArrayList<>(image.entrypoint());
        dryRun.add(1, "--dry-run");
        Path log = WORK.resolve(name + "-dry-run.log");
        Process java = Container.start(image, dryRun, List.of(), log);
        boolean ended = java.waitFor(DRY_RUN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        java.destroyForcibly().waitFor();
        assertThat(ended).as(Files.readString(log)).isTrue();
        assertThat(java.exitValue()).as(Files.readString(log)).isZero();

        JsonNode sbom = JSON.readTree(tarball.resolveSibling("votes-" + name + ".cdx.json").toFile());
        List<String> purls = new ArrayList<>();
        sbom.path("components").forEach(c -> purls.add(c.path("purl").asText()));
        assertThat(purls).anyMatch(p -> p.startsWith("pkg:deb/debian/openjdk-17-jre-headless@"))
                .anyMatch(p -> p.startsWith("pkg:deb/debian/libc6@"))
                .anyMatch(p -> p.startsWith("pkg:maven/"));
        RootFiles.delete(WORK.resolve(name));
    }

    @Test
    void theImagesJreTrustsThePublicCertificateAuthoritiesOfCaCertificates() throws Exception {
        UnpackedImage image = unpack(REPO.resolve("infra/gateway/target/image/votes-gateway.tar"), "gateway-trust");
        Path log = WORK.resolve("gateway-trust.log");
        // The password is the JRE's public default; the store has no MAC, so keytool only reads it.
        Process keytool = Container.start(image, List.of(BaseImage.JAVA_HOME + "/bin/keytool", "-list", "-cacerts",
                "-storepass", "changeit"), List.of(), log);
        boolean ended = keytool.waitFor(DRY_RUN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        keytool.destroyForcibly().waitFor();
        String listed = Files.readString(log);
        assertThat(ended).as(listed).isTrue();
        assertThat(keytool.exitValue()).as(listed).isZero();
        assertThat(listed).containsPattern("contains 1[0-9][0-9] entries").contains("isrg_root_x1");
        RootFiles.delete(WORK.resolve("gateway-trust"));
    }

    @Test
    void ingestImageAnswersLivenessAsUser65532OnAReadOnlyRoot() throws Exception {
        UnpackedImage image = unpack(REPO.resolve("ingest/target/image/votes-ingest.tar"), "ingest-live");
        // Kafka and Redis on a port nobody listens on (not ingest's own either: both are chosen before it binds):
        // liveness needs neither, and no other stack on this machine must get this process's connections. Ingest
        // refuses its public dev secrets; random 32 bytes will do.
        List<Integer> ports = StackPorts.freePorts(2, Set.of());
        int port = ports.get(0);
        int nobody = ports.get(1);
        String key = Base64.getEncoder().encodeToString(java.security.SecureRandom.getSeed(32));
        Path log = WORK.resolve("ingest-live.log");
        Process container = Container.start(image, image.entrypoint(), List.of("HTTP_PORT=" + port,
                "VOTER_ID_KEY=" + key, "CLIENT_FACTS_KEY=" + key, "VOTE_CHALLENGE_SECRET=" + key,
                "KAFKA_BOOTSTRAP=127.0.0.1:" + nobody, "REDIS_URL=redis://127.0.0.1:" + nobody), log);
        try {
            HttpResponse<String> live = awaitLive(port, container);
            assertThat(live.statusCode()).as(Files.readString(log)).isEqualTo(200);
            assertThat(live.body()).contains("\"UP\"");
            // Seen from the host, the JVM's executable is the image's java under the unpacked root.
            ProcessHandle jvm = container.toHandle().descendants()
                    .filter(p -> p.info().command().orElse("").endsWith(BaseImage.JAVA)).findFirst().orElseThrow();
            String status = Files.readString(Path.of("/proc", String.valueOf(jvm.pid()), "status"));
            assertThat(status).containsPattern("(?m)^Uid:\\s+65532\\s+65532");
        } finally {
            container.destroy();
            if (!container.waitFor(30, TimeUnit.SECONDS)) {
                container.destroyForcibly().waitFor();
            }
            RootFiles.delete(WORK.resolve("ingest-live"));
        }
    }

    private static UnpackedImage unpack(Path tarball, String name) throws Exception {
        assertThat(tarball).as("built by ./mvnw -Pimages package").isRegularFile();
        Path into = WORK.resolve(name);
        RootFiles.delete(into);
        return UnpackedImage.of(tarball, into);
    }

    private static HttpResponse<String> awaitLive(int port, Process container) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest live = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/live"))
                .timeout(Duration.ofSeconds(5)).build();
        // Not yet listening: connection refused (an IOException) until it is; a dead container ends the wait.
        Optional<HttpResponse<String>> answer = await().atMost(START_TIMEOUT).pollInterval(Duration.ofSeconds(1))
                .until(() -> {
                    try {
                        return Optional.of(http.send(live, HttpResponse.BodyHandlers.ofString()));
                    } catch (IOException notYet) {
                        return Optional.<HttpResponse<String>>empty();
                    }
                }, reply -> reply.isPresent() || !container.isAlive());
        return answer.orElseThrow(() -> new AssertionError("ingest from its image never answered on " + port));
    }

    /**
     * {@code rm -rf --one-file-system}: the container's /dev is a bind of the host's; its mounts live in the
     * container's private mount namespace and end with it, but should one outlive a test, rm must not cross it.
     */
    private static final class RootFiles {
        static void delete(Path tree) throws Exception {
            Process rm = new ProcessBuilder("rm", "-rf", "--one-file-system", tree.toString()).inheritIO().start();
            assertThat(rm.waitFor(DRY_RUN_TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
        }
    }
}
