package votes.infra.cli;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import votes.infra.rebuild.LedgerRebuild;
import votes.infra.rebuild.RebuildOptions;
import votes.infra.rebuild.RebuildReport;

@Command(name = "rebuild", mixinStandardHelpOptions = true,
        description = {"Rebuilds the ledger into a NEW, empty database from votes.submitted and poll-events alone and"
                + " compares it with the original: a second ledger process (the packaged one, LEDGER_REBUILD=true, its"
                + " own consumer groups, no periodic checkpoints) reads both topics from offset 0 up to their end"
                + " offsets taken at the start; then the original's signed checkpoints are copied over, and per Merkle"
                + " log the size and root, every copied checkpoint's roots, the votes and rejections below the end"
                + " offsets, the polls and the tally sums are compared. The running stack is not disturbed and nothing"
                + " is appended to any topic. Needs the stack's Kafka and PostgreSQL (./vote up).",
                "Exit 0: rebuilt and everything agrees; 1: the rebuilt ledger differs (the report names where);"
                        + " 2: could not run."})
final class LedgerRebuildCommand implements Callable<Integer> {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss");

    @Option(names = "--database", paramLabel = "NAME", description = "The database to create and fill (default"
            + " votes_rebuild_<UTC time>); must not exist. It is owned by the votes role and kept afterwards.")
    String database;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "120", description = "Give up (exit 2) when the"
            + " rebuild makes no progress for this long, or the original ledger has not reached the end offsets after"
            + " it (default ${DEFAULT-VALUE}). The rebuilding ledger gets 90 s to become ready.")
    long timeoutSeconds;

    @Option(names = "--keep-groups", description = "Keep the rebuild's consumer groups (ledger-rebuild-<time>,"
            + " ledger-polls-rebuild-<time>): ./vote audit replay of the rebuilt database needs them to know the"
            + " rebuilt ledger caught up; the report prints that command and how to delete them after.")
    boolean keepGroups;

    @Override
    public Integer call() {
        String stamp = ZonedDateTime.now(ZoneOffset.UTC).format(STAMP);
        try {
            RebuildOptions options = new RebuildOptions(
                    database != null ? database : "votes_rebuild_" + stamp, Duration.ofSeconds(timeoutSeconds),
                    keepGroups, stamp.replace('_', '-'));
            RebuildReport report = new LedgerRebuild(Cli.settings(), System.out::println).run(options);
            System.out.println();
            report.lines().forEach(System.out::println);
            return report.exitCode();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            System.err.println("ledger rebuild: interrupted");
            return RebuildReport.COULD_NOT_RUN;
        } catch (RuntimeException e) {
            System.err.println("ledger rebuild: could not run: " + e.getMessage());
            return RebuildReport.COULD_NOT_RUN;
        }
    }
}
