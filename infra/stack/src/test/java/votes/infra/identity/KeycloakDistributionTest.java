package votes.infra.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import votes.infra.stack.StackException;

/** The unpacking and the data link, on a small zip shaped like the distribution (no Maven: the zip is there). */
class KeycloakDistributionTest {

    @TempDir
    Path root;

    @Test
    void aDownloadedZipIsUnpackedOnceWithRunnableLaunchersAndDataLinkedToTheStacksDataFolder() throws IOException {
        KeycloakDistribution dist = new KeycloakDistribution("26.7.3", root.resolve("cache"), root.resolve("repo"));
        Path zip = zip(dist, "keycloak-26.7.3/bin/kc.sh", "keycloak-26.7.3/lib/quarkus-run.jar");
        Path data = root.resolve("data/keycloak");

        assertThat(dist.ensure(data, root.resolve("logs/keycloak.log"))).isEqualTo("fetched and unpacked");

        assertThat(dist.launcher()).isExecutable();
        assertThat(dist.home().resolve("lib/quarkus-run.jar")).isRegularFile();
        assertThat(Files.readSymbolicLink(dist.home().resolve("data"))).isEqualTo(data);
        assertThat(data).isDirectory();
        assertThat(zip).doesNotExist();
        assertThat(dist.ensure(data, root.resolve("logs/keycloak.log"))).isEqualTo("cached");
    }

    @Test
    void anEntryOutsideTheArchivesFolderIsRefusedAndNothingIsInstalled() throws IOException {
        KeycloakDistribution dist = new KeycloakDistribution("26.7.3", root.resolve("cache"), root.resolve("repo"));
        zip(dist, "keycloak-26.7.3/bin/kc.sh", "../../evil.sh");

        assertThatThrownBy(() -> dist.ensure(root.resolve("data/keycloak"), root.resolve("logs/keycloak.log")))
                .isInstanceOf(StackException.class).hasMessageContaining("../../evil.sh");
        assertThat(root.resolve("evil.sh")).doesNotExist();
        assertThat(dist.isUnpacked()).isFalse();
    }

    @Test
    void onlyA26VersionIsAccepted() {
        assertThat(KeycloakDistribution.of(Map.of(), root, root).version()).isEqualTo(KeycloakDistribution.DEFAULT_VERSION);
        assertThat(KeycloakDistribution.of(Map.of("VOTE_KEYCLOAK_VERSION", "26.5.6"), root, root).version())
                .isEqualTo("26.5.6");
        assertThatThrownBy(() -> KeycloakDistribution.of(Map.of("VOTE_KEYCLOAK_VERSION", "25.0.6"), root, root))
                .isInstanceOf(StackException.class).hasMessageContaining("26.x");
    }

    private static Path zip(KeycloakDistribution dist, String... entries) throws IOException {
        Path zip = dist.cacheDir().resolve("downloads/keycloak-quarkus-dist-" + dist.version() + ".zip");
        Files.createDirectories(zip.getParent());
        try (OutputStream file = Files.newOutputStream(zip); ZipOutputStream out = new ZipOutputStream(file)) {
            for (String entry : entries) {
                out.putNextEntry(new ZipEntry(entry));
                out.write(("#!/bin/sh\n# " + entry + "\n").getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return zip;
    }
}
