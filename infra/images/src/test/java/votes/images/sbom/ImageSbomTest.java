package votes.images.sbom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import votes.images.base.DebianPackage;

class ImageSbomTest {

    private static final DebianPackage JRE = new DebianPackage("openjdk-17-jre-headless", "17.0.21.1+2-1~deb12u1",
            "amd64");

    @TempDir
    Path dir;

    @Test
    void theBasesDebianPackagesJoinTheModulesMavenComponentsOnce() throws IOException {
        Path sbom = dir.resolve("votes-ingest.cdx.json");
        Files.writeString(sbom, """
                {"bomFormat":"CycloneDX","specVersion":"1.6","components":[
                  {"type":"library","name":"vertx-core","purl":"pkg:maven/io.vertx/vertx-core@4.5.32?type=jar"}]}
                """);

        ImageSbom.addBase(sbom, List.of(JRE));
        ImageSbom.addBase(sbom, List.of(JRE));

        String written = Files.readString(sbom);
        assertThat(written).contains("pkg:maven/io.vertx/vertx-core@4.5.32?type=jar", "\"bomFormat\" : \"CycloneDX\"");
        assertThat(written.split("pkg:deb/debian/openjdk-17-jre-headless@", -1)).hasSize(3); // bom-ref + purl, once
    }

    @Test
    void aModuleWithoutItsPluginSbomFailsTheBuild() {
        assertThatThrownBy(() -> ImageSbom.addBase(dir.resolve("none.cdx.json"), List.of(JRE)))
                .hasMessageContaining("cyclonedx");
    }
}
