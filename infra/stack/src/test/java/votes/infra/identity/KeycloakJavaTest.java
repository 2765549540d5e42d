package votes.infra.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static votes.infra.jdk.InstalledJdks.jdk;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import votes.infra.jdk.Jdk;
import votes.infra.stack.StackException;

class KeycloakJavaTest {

    @TempDir
    Path root;

    @Test
    void theNewestJdkUnderTheOsFolderWinsWhenNeitherJavaHomeNorThisJvmIsNewEnough() throws IOException {
        Path jvms = root.resolve("jvm");
        Path seventeen = jdk(jvms.resolve("java-17-openjdk-amd64"), "17.0.15");
        jdk(jvms.resolve("temurin-21-jdk-amd64"), "21.0.7");
        Path twentyFive = jdk(jvms.resolve("temurin-25-jdk-amd64"), "25.0.3");

        Jdk found = KeycloakJava.find(Map.of("JAVA_HOME", seventeen.toString()), seventeen, jvms);

        assertThat(found.home()).isEqualTo(twentyFive);
        assertThat(found.feature()).isEqualTo(25);
        assertThat(found.java()).isEqualTo(twentyFive.resolve("bin/java"));
    }

    @Test
    void javaHomeWinsOverTheOsFolderWhenItIsNewEnough() throws IOException {
        Path jvms = root.resolve("jvm");
        jdk(jvms.resolve("temurin-25-jdk-amd64"), "25.0.3");
        Path own = jdk(root.resolve("own-21"), "21.0.2");

        assertThat(KeycloakJava.find(Map.of("JAVA_HOME", own.toString()), root.resolve("none"), jvms).home())
                .isEqualTo(own);
    }

    @Test
    void theOverrideIsTakenAsAHomeOrAsItsJavaBinaryAndRefusedWhenTooOld() throws IOException {
        Path jvms = root.resolve("jvm");
        Path twentyFive = jdk(jvms.resolve("temurin-25-jdk-amd64"), "25.0.3");
        Path seventeen = jdk(root.resolve("java-17"), "17.0.15");

        assertThat(KeycloakJava.find(Map.of("VOTE_KEYCLOAK_JAVA", twentyFive.resolve("bin/java").toString()),
                seventeen, jvms).home()).isEqualTo(twentyFive);
        assertThatThrownBy(() -> KeycloakJava.find(Map.of("VOTE_KEYCLOAK_JAVA", seventeen.toString()), seventeen, jvms))
                .isInstanceOf(StackException.class)
                .hasMessageContaining("VOTE_KEYCLOAK_JAVA=" + seventeen)
                .hasMessageContaining("Java 17");
    }

    @Test
    void noJdk21AnywhereIsAClearErrorNamingWhatWasSeen() throws IOException {
        Path jvms = root.resolve("jvm");
        Path seventeen = jdk(jvms.resolve("java-17-openjdk-amd64"), "17.0.15");
        jdk(jvms.resolve("java-8"), "1.8.0_402");

        assertThatThrownBy(() -> KeycloakJava.find(Map.of(), seventeen, jvms))
                .isInstanceOf(StackException.class)
                .hasMessageContaining("needs a JDK 21 or newer")
                .hasMessageContaining("(Java 17)")
                .hasMessageContaining("(Java 8)")
                .hasMessageContaining("VOTE_KEYCLOAK_JAVA");
    }

    @Test
    void aFolderWithoutAnExecutableJavaIsNoJdk() throws IOException {
        Path jvms = root.resolve("jvm");
        Path broken = jvms.resolve("temurin-25-jre-broken");
        Files.createDirectories(broken);
        Files.writeString(broken.resolve("release"), "JAVA_VERSION=\"25.0.3\"\n");

        assertThatThrownBy(() -> KeycloakJava.find(Map.of(), root.resolve("none"), jvms))
                .isInstanceOf(StackException.class);
    }
}
