package votes.infra.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import votes.events.challenge.Hashcash;

class SolveCommandTest {

    @Test
    void printsAProofThatSolvesTheNonceAtTheDifficulty() {
        String printed = stdoutOf(() -> assertThat(CastCommandTest.run("solve", "--nonce", "Zm9v-bar_1", "--difficulty",
                "12").exitCode()).isZero());
        assertThat(Hashcash.solves("Zm9v-bar_1", printed.strip(), 12)).isTrue();
        assertThat(printed.strip()).isEqualTo(Hashcash.solve("Zm9v-bar_1", 12));
    }

    @Test
    void aDifficultyOutside0To32OrMissingArgumentsAreUsageErrorsExit2() {
        assertThat(CastCommandTest.run("solve", "--nonce", "n", "--difficulty", "40").exitCode()).isEqualTo(2);
        assertThat(CastCommandTest.run("solve", "--nonce", "n").exitCode()).isEqualTo(2);
        assertThat(CastCommandTest.run("solve", "--difficulty", "8").exitCode()).isEqualTo(2);
        assertThat(CastCommandTest.run("solve", "--nonce", "n", "--difficulty", "many").exitCode()).isEqualTo(2);
    }

    private static String stdoutOf(Runnable command) {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            command.run();
        } finally {
            System.setOut(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}
