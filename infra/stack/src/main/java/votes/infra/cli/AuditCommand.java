package votes.infra.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code ./vote audit}: listed here so that {@code ./vote --help} names it, but run by the {@code ./vote} script,
 * which starts the auditor's own CLI (audit/, a JVM with the audit's classpath) instead of this one.
 */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = {"Audits this stack's log: runs the auditor's CLI (audit/, votes.audit.AuditCli) with Kafka,"
                + " PostgreSQL and the trusted checkpoint key taken from ./vote env (variables already set win, so"
                + " the same command audits another deployment). Exit 0 holds, 1 discrepancy, 2 could not run.",
                "  ./vote audit --help      its commands: replay, verify-receipt, consistency, export",
                "  ./vote audit replay      replays the whole log and checks it"})
final class AuditCommand implements Callable<Integer> {

    @Parameters(arity = "0..*", paramLabel = "ARGS", description = "The auditor's command and its options.")
    List<String> arguments;

    @Override
    public Integer call() {
        System.err.println("vote: the audit runs through the ./vote script (./vote audit " + String.join(" ",
                arguments == null ? List.of() : arguments) + "), which starts the auditor's own CLI");
        return 2;
    }
}
