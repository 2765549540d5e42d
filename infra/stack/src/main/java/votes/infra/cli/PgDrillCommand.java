package votes.infra.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import votes.infra.postgres.PitrDrill;
import votes.infra.postgres.PitrDrillReport;

@Command(name = "pg-drill", mixinStandardHelpOptions = true,
        description = {"PostgreSQL point-in-time-recovery drill against the running stack: a base backup into"
                + " $VOTE_HOME/data/postgres-backups/<time>/, marker rows before and after a target time, the WAL"
                + " archived, the backup restored into a scratch server on a free port recovering from"
                + " $VOTE_HOME/data/postgres-archive/ to the target time, the rows compared, RTO and RPO printed,"
                + " the scratch server removed. The live server's data is not touched beyond the marker rows"
                + " (table pitr_drill in database postgres).",
                "Exit 0: the restored server holds exactly the rows committed before the target; 1 otherwise."})
final class PgDrillCommand implements Callable<Integer> {

    @Option(names = "--rows-before", defaultValue = "100", description = "Marker rows committed before the target"
            + " time (default ${DEFAULT-VALUE}).")
    int rowsBefore;

    @Option(names = "--rows-after", defaultValue = "20", description = "Marker rows committed after it, which the"
            + " restore must not have (default ${DEFAULT-VALUE}).")
    int rowsAfter;

    @Option(names = "--wait-for-archive-timeout", description = "Do not force a WAL switch: wait for"
            + " archive_timeout to archive the last commit and print how long that took (the RPO exposure of a"
            + " commit; up to a minute).")
    boolean waitForArchiveTimeout;

    @Option(names = "--clean", description = "Remove the base backup afterwards (kept by default).")
    boolean clean;

    @Override
    public Integer call() {
        PitrDrillReport report = new PitrDrill(Cli.settings(), System.out::println)
                .run(new PitrDrill.Options(rowsBefore, rowsAfter, waitForArchiveTimeout, clean));
        System.out.println();
        report.lines().forEach(System.out::println);
        return report.passed() ? 0 : 1;
    }
}
