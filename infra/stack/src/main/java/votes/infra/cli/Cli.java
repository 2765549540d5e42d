package votes.infra.cli;

import java.nio.file.Path;
import votes.infra.stack.LocalStack;
import votes.infra.stack.StackSettings;

/** The stack the CLI talks about: $VOTE_HOME (or <repo>/.vote) with the ports from VOTE_*_PORT. */
final class Cli {

    private Cli() {
    }

    static StackSettings settings() {
        return StackSettings.fromEnv(System.getenv(), StackSettings.findRepoRoot(Path.of("")));
    }

    static LocalStack stack() {
        return new LocalStack(settings(), note -> System.out.println("      " + note));
    }
}
