package votes.infra.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class CastCommandTest {

    @Test
    void aBallotNeedsAPollAndAnOptionOrItIsAUsageErrorExit2() {
        Run run = run("cast", "--option", "a");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Missing required option: '--poll=<pollId>'");
        assertThat(run("cast", "--poll", "p").err()).contains("'--option=<optionId>'");
    }

    @Test
    void helpNamesEveryOptionAndTheExitCodes() {
        Run run = run("cast", "--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("--poll", "--option", "--sub", "--device", "--url", "--max-challenges",
                "challenge-required", "0   accepted, or already voted", "1   refused", "2   could not run");
    }

    @Test
    void acceptedOrAlreadyVotedIs0ARefusalIs1AndNoVerdictIs2() {
        assertThat(CastCommand.exitCode(202)).isZero();
        assertThat(CastCommand.exitCode(409)).isZero();
        for (int refused : new int[] {400, 401, 403, 404, 422, 429}) {
            assertThat(CastCommand.exitCode(refused)).as("HTTP %d", refused).isEqualTo(1);
        }
        assertThat(CastCommand.exitCode(500)).isEqualTo(2);
        assertThat(CastCommand.exitCode(503)).isEqualTo(2);
    }

    /** What one command line printed and returned, run in this JVM (picocli's own parsing and usage errors). */
    record Run(int exitCode, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = new CommandLine(new VoteCli()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
        return new Run(exit, out.toString(), err.toString());
    }
}
