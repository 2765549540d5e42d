package votes.infra.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static votes.infra.jdk.InstalledJdks.jdk;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class JdkCommandTest {

    @TempDir
    Path jvms;

    @Test
    void printsTheNewestHomeOfAtLeastTheFeatureAndFailsNamingWhatIsThereWhenNoneIs() throws IOException {
        jdk(jvms.resolve("java-17-openjdk-amd64"), "17.0.15");
        Path twentyFive = jdk(jvms.resolve("temurin-25-jdk-amd64"), "25.0.3");

        assertThat(run("jdk", "--at-least", "25", "--in", jvms.toString())).isEqualTo("0 " + twentyFive + "\n");
        String none = run("jdk", "--at-least", "26", "--in", jvms.toString());
        assertThat(none).startsWith("1 ").contains("no JDK 26 or newer").contains("(Java 25)").contains("(Java 17)");
    }

    /** The exit code, a space, then what the command wrote to stdout and stderr. */
    private static String run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream stdout = System.out;
        PrintStream stderr = System.err;
        PrintStream capture = new PrintStream(out, true, StandardCharsets.UTF_8);
        System.setOut(capture);
        System.setErr(capture);
        try {
            int code = new CommandLine(new VoteCli()).execute(args);
            return code + " " + out.toString(StandardCharsets.UTF_8);
        } finally {
            System.setOut(stdout);
            System.setErr(stderr);
        }
    }
}
