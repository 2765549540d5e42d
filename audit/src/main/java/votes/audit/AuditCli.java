package votes.audit;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import votes.audit.check.Checklist;
import votes.audit.cli.ConsistencyCommand;
import votes.audit.cli.ExportCommand;
import votes.audit.cli.ReplayCommand;
import votes.audit.cli.VerifyReceiptCommand;

/** `./vote audit`: the auditor's tools. Exit 0 everything holds, 1 a discrepancy, 2 could not run. */
@Command(name = "audit", mixinStandardHelpOptions = true, version = "votes-audit 0.1.0",
        description = "Checks the votes ledger independently: replay the log, verify receipts and checkpoints, export.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:everything checked holds", "1:a discrepancy (the report names the first offender)",
                "2:could not run (unreachable server, missing key, bad arguments)"},
        subcommands = {ReplayCommand.class, VerifyReceiptCommand.class, ConsistencyCommand.class, ExportCommand.class,
                CommandLine.HelpCommand.class})
public final class AuditCli implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /** Runs one command line in this JVM (the tests use it too); returns the exit code. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        return new CommandLine(new AuditCli())
                .setOut(out)
                .setErr(err)
                .setExecutionExceptionHandler((e, cmd, parsed) -> {
                    cmd.getErr().println("audit: could not run: " + describe(e));
                    cmd.getErr().flush();
                    return Checklist.COULD_NOT_RUN;
                })
                .execute(args);
    }

    private static String describe(Throwable e) {
        StringBuilder s = new StringBuilder(String.valueOf(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause.getMessage() != null && !s.toString().contains(cause.getMessage())) {
                s.append(": ").append(cause.getMessage());
            }
        }
        return s.toString();
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
