package votes.infra.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class JvmOptionsTest {

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
    void everyStackJvmSamplesItsPerfCountersOnceASecondWhateverTheVariableSays() {
        assertThat(JvmOptions.fromEnv(Map.of()).launchFlags())
                .containsExactly("-XX:PerfDataSamplingInterval=1000", "-XX:TieredStopAtLevel=1");
        assertThat(JvmOptions.fromEnv(Map.of(JvmOptions.ENV, "")).launchFlags())
                .containsExactly("-XX:PerfDataSamplingInterval=1000");
    }

    @Test
    void theVariableComesAfterTheSamplingFlagSoItCanOverrideIt() {
        // HotSpot takes the last of a repeated -XX flag.
        assertThat(JvmOptions.fromEnv(Map.of(JvmOptions.ENV, "-XX:PerfDataSamplingInterval=50")).launchFlags())
                .containsExactly("-XX:PerfDataSamplingInterval=1000", "-XX:PerfDataSamplingInterval=50");
    }
}
