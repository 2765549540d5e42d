package votes.images.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BaseImageTest {

    private static final DebianPackage JRE = new DebianPackage("openjdk-17-jre-headless", "17.0.21.1+2-1~deb12u1",
            "amd64");

    @Test
    void theSamePackageVersionsNameTheSameCachedBase() {
        assertThat(BaseImage.key(List.of(JRE))).isEqualTo(BaseImage.key(List.of(JRE)));
    }

    @Test
    void aNewVersionOfAnyPackageNamesANewBase() {
        DebianPackage patched = new DebianPackage(JRE.name(), "17.0.22+1-1~deb12u1", "amd64");
        assertThat(BaseImage.key(List.of(patched))).isNotEqualTo(BaseImage.key(List.of(JRE)));
    }

    @Test
    void aNewBaseLeavesOnlyItselfAndItsOwnPackagesInTheCache(@TempDir Path dir) throws IOException {
        Path debs = Files.createDirectories(dir.resolve("debs"));
        Path oldBase = Files.writeString(dir.resolve("base-0000000000000000.tar"), "old");
        Path newBase = Files.writeString(dir.resolve(BaseImage.key(List.of(JRE)) + ".tar"), "new");
        Path oldDeb = Files.writeString(debs.resolve("openjdk-17-jre-headless_17.0.20+1-1~deb12u1_amd64.deb"), "old");
        Path newDeb = Files.writeString(debs.resolve(DebianArchive.fileName(JRE)), "new");

        BaseImage.prune(dir, newBase, List.of(JRE));

        assertThat(oldBase).doesNotExist();
        assertThat(oldDeb).doesNotExist();
        assertThat(newBase).exists();
        assertThat(newDeb).hasFileName("openjdk-17-jre-headless_17.0.21.1+2-1~deb12u1_amd64.deb").exists();
        assertThat(dir.resolve("debs")).isDirectory();
    }
}
