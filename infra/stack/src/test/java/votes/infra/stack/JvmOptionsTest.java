package votes.infra.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import votes.infra.jdk.Jdk;

class JvmOptionsTest {

    private static final List<String> IDLE_CLOCK_17 = List.of("-XX:PerfDataSamplingInterval=1000",
            "-XX:G1PeriodicGCInterval=3600000", "-XX:G1ConcRefinementServiceIntervalMillis=5000",
            "-XX:+UnlockDiagnosticVMOptions", "-XX:AsyncDeflationInterval=1000");

    @Test
    void anUnsetVariableRunsTheLocalStackOnC1Only() {
        assertThat(JvmOptions.fromEnv(Map.of()).flags()).containsExactly("-XX:TieredStopAtLevel=1");
    }

    @Test
    void anEmptyVariableLeavesTheJvmItsOwnDefaultsAsInThePods() {
        assertThat(JvmOptions.fromEnv(Map.of(JvmOptions.ENV, "")).flags()).isEmpty();
        assertThat(JvmOptions.fromEnv(Map.of(JvmOptions.ENV, "  ")).flags()).isEmpty();
    }

    @Test
    void givenFlagsReplaceTheDefaultOnePerWord() {
        JvmOptions options = JvmOptions.fromEnv(Map.of(JvmOptions.ENV, " -XX:CICompilerCount=2   -XX:+UseSerialGC "));
        assertThat(options.flags()).containsExactly("-XX:CICompilerCount=2", "-XX:+UseSerialGC");
    }

    @Test
    void everyStackJvmGetsTheIdleClockFlagsWhateverTheVariableSays() {
        List<String> withDefault = new ArrayList<>(IDLE_CLOCK_17);
        withDefault.add("-XX:TieredStopAtLevel=1");
        assertThat(JvmOptions.fromEnv(Map.of()).launchFlags(17)).isEqualTo(withDefault);
        assertThat(JvmOptions.fromEnv(Map.of(JvmOptions.ENV, "")).launchFlags(17)).isEqualTo(IDLE_CLOCK_17);
    }

    @Test
    void theVariableComesAfterTheIdleClockSoItCanOverrideIt() {
        // HotSpot takes the last of a repeated -XX flag.
        assertThat(JvmOptions.fromEnv(Map.of(JvmOptions.ENV, "-XX:PerfDataSamplingInterval=50")).launchFlags(17))
                .endsWith("-XX:PerfDataSamplingInterval=1000", "-XX:G1PeriodicGCInterval=3600000",
                        "-XX:G1ConcRefinementServiceIntervalMillis=5000", "-XX:+UnlockDiagnosticVMOptions",
                        "-XX:AsyncDeflationInterval=1000", "-XX:PerfDataSamplingInterval=50");
    }

    @Test
    void flagsALaterJavaNoLongerKnowsAreLeftOutForIt() {
        assertThat(JvmOptions.idleClock(19)).isEqualTo(IDLE_CLOCK_17);
        assertThat(JvmOptions.idleClock(21)).containsExactly("-XX:PerfDataSamplingInterval=1000",
                "-XX:G1PeriodicGCInterval=3600000", "-XX:+UnlockDiagnosticVMOptions",
                "-XX:AsyncDeflationInterval=1000");
        assertThat(JvmOptions.idleClock(25)).containsExactly("-XX:G1PeriodicGCInterval=3600000",
                "-XX:+UnlockDiagnosticVMOptions", "-XX:AsyncDeflationInterval=1000");
    }

    @Test
    void thisRuntimeStartsWithItsIdleClockFlagsAndWarnsOfNone() throws Exception {
        assertStartsQuietly(ManagedProcess.javaBinary(), Runtime.version().feature());
    }

    @Test
    void everyOtherInstalledJdkStartsWithItsIdleClockFlagsAndWarnsOfNone() throws Exception {
        // Keycloak runs on another JDK than the stack (21+): its flags are chosen for that JDK's release.
        for (var home : Jdk.installed(Jdk.OS_JVM_DIR)) {
            Optional<Jdk> jdk = Jdk.at(home);
            if (jdk.isPresent()) {
                assertStartsQuietly(jdk.get().java().toString(), jdk.get().feature());
            }
        }
    }

    private static void assertStartsQuietly(String java, int feature) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(JvmOptions.idleClock(feature));
        command.add("-version");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as("%s: %s", command, output).isZero();
        assertThat(output).as("%s", command).doesNotContainIgnoringCase("warning").doesNotContain("Unrecognized");
    }
}
