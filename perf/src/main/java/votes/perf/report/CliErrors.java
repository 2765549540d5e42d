package votes.perf.report;

import picocli.CommandLine;

/** Every perf CLI ends a failed run with one readable line and exit 2, not a stack trace. */
public final class CliErrors {

    private CliErrors() {
    }

    public static int run(Object command, String[] args) {
        CommandLine cli = new CommandLine(command);
        cli.setExecutionExceptionHandler((ex, line, parse) -> {
            Throwable root = ex;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            line.getErr().println(line.getCommandName() + ": " + (root == ex ? ex : ex.getMessage() + " <- " + root));
            if (System.getenv("PERF_DEBUG") != null) {
                ex.printStackTrace();
            }
            return 2;
        });
        return cli.execute(args);
    }
}
