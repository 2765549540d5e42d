package votes.images.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.cloud.tools.jib.api.buildplan.FileEntriesLayer;
import com.google.cloud.tools.jib.api.buildplan.FileEntry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppLayoutTest {

    private static final String JAVA = "/jre/bin/java";

    @TempDir
    Path module;

    @Test
    void aQuarkusFastJarKeepsItsLayoutUnderDeploymentsWithThirdPartyJarsInTheirOwnLayer() throws IOException {
        Path app = module.resolve("target/quarkus-app");
        touch(app.resolve("quarkus-run.jar"));
        touch(app.resolve("lib/boot/io.quarkus.quarkus-bootstrap-runner-3.34.3.jar"));
        touch(app.resolve("lib/main/io.vertx.vertx-core-4.5.32.jar"));
        touch(app.resolve("lib/main/io.votes.votes-events-0.1.0-SNAPSHOT.jar"));
        touch(app.resolve("quarkus/generated-bytecode.jar"));
        touch(app.resolve("app/votes-ingest.jar"));

        AppLayout layout = AppLayout.of(module, "ingest", Optional.empty(), JAVA,
                List.of("-XX:+ExitOnOutOfMemoryError"));

        assertThat(layout.command()).containsExactly(JAVA, "-XX:+ExitOnOutOfMemoryError", "-jar",
                "/deployments/quarkus-run.jar");
        assertThat(layout.layers()).extracting(FileEntriesLayer::getName)
                .containsExactly("dependencies", "votes-libraries", "application");
        assertThat(paths(layout.layers().get(0))).containsExactly(
                "/deployments/lib/boot/io.quarkus.quarkus-bootstrap-runner-3.34.3.jar",
                "/deployments/lib/main/io.vertx.vertx-core-4.5.32.jar");
        assertThat(paths(layout.layers().get(1))).containsExactly(
                "/deployments/lib/main/io.votes.votes-events-0.1.0-SNAPSHOT.jar");
        assertThat(paths(layout.layers().get(2))).containsExactly("/deployments/app/votes-ingest.jar",
                "/deployments/quarkus-run.jar", "/deployments/quarkus/generated-bytecode.jar");
    }

    @Test
    void aPlainJarRunsItsMainClassOnTheJarAndItsLib() throws IOException {
        Path target = module.resolve("target");
        touch(target.resolve("votes-gateway.jar"));
        touch(target.resolve("lib/vertx-core-4.5.32.jar"));
        touch(target.resolve("lib/votes-service-kit-0.1.0-SNAPSHOT.jar"));

        AppLayout layout = AppLayout.of(module, "gateway", Optional.of("votes.infra.gateway.Gateway"), JAVA,
                List.of());

        assertThat(layout.command()).containsExactly(JAVA, "-cp",
                "/deployments/votes-gateway.jar:/deployments/lib/*", "votes.infra.gateway.Gateway");
        assertThat(paths(layout.layers().get(0))).containsExactly("/deployments/lib/vertx-core-4.5.32.jar");
        assertThat(paths(layout.layers().get(1))).containsExactly(
                "/deployments/lib/votes-service-kit-0.1.0-SNAPSHOT.jar");
        assertThat(paths(layout.layers().get(2))).containsExactly("/deployments/votes-gateway.jar");
    }

    @Test
    void anUnpackagedModuleIsRefusedWithTheCommandThatPackagesIt() {
        assertThatThrownBy(() -> AppLayout.of(module, "ingest", Optional.empty(), JAVA, List.of()))
                .hasMessageContaining("quarkus-run.jar is missing").hasMessageContaining("-Pimages package");
    }

    private static List<String> paths(FileEntriesLayer layer) {
        return layer.getEntries().stream().map(FileEntry::getExtractionPath).map(Object::toString).toList();
    }

    private static void touch(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, file.getFileName().toString());
    }
}
