package votes.infra.jdk;

import static org.assertj.core.api.Assertions.assertThat;
import static votes.infra.jdk.InstalledJdks.jdk;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JdkTest {

    @TempDir
    Path jvms;

    @Test
    void theNewestJdkOfAtLeastTheFeatureWinsWhateverTheFoldersAreCalled() throws IOException {
        jdk(jvms.resolve("zulu-17"), "17.0.15");
        Path twentyFive = jdk(jvms.resolve("a-temurin-25"), "25.0.3");
        jdk(jvms.resolve("temurin-21-jdk-amd64"), "21.0.7");

        assertThat(Jdk.newest(jvms, 21)).contains(new Jdk(twentyFive, 25));
        assertThat(Jdk.newest(jvms, 26)).isEmpty();
    }

    @Test
    void aFolderWithoutAnExecutableJavaOrAReleaseFileIsNoJdk() throws IOException {
        Path broken = Files.createDirectories(jvms.resolve("temurin-25-jre-broken"));
        Files.writeString(broken.resolve("release"), "JAVA_VERSION=\"25.0.3\"\n");
        Path noRelease = Files.createDirectories(jvms.resolve("java-26/bin"));

        assertThat(Jdk.at(broken)).isEmpty();
        assertThat(Jdk.at(noRelease.getParent())).isEmpty();
        assertThat(Jdk.newest(jvms, 17)).isEmpty();
    }

    @Test
    void theOldVersionSchemeReadsAsItsFeatureRelease() throws IOException {
        assertThat(Jdk.feature(jdk(jvms.resolve("java-8"), "1.8.0_402"))).hasValue(8);
        assertThat(Jdk.feature(jdk(jvms.resolve("java-17"), "17.0.15"))).hasValue(17);
    }
}
