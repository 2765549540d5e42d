package votes.infra.rebuild;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a rebuild did and found, as the lines the CLI prints: the numbered comparison, the verdict, the figures, and
 * the commands to verify the rebuilt database with the audit and to clean up.
 *
 * @param database       the rebuilt database
 * @param votesGroup     the rebuild's consumer group on votes.submitted
 * @param pollsGroup     the rebuild's consumer group on poll-events
 * @param groupsKept     the groups were kept (--keep-groups), so the audit can run
 * @param voteRecords    records of votes.submitted below the end offsets, i.e. rebuilt
 * @param pollEvents     records of poll-events below the end offsets
 * @param timings        ledger start, catch-up, stop, comparison, and the whole run
 * @param pgUrl          the rebuilt database's URL for the read-only role (libpq form), for the printed audit
 * @param kafkaBootstrap the stack's Kafka, for the printed group deletion
 */
public record RebuildReport(String database, String votesGroup, String pollsGroup, boolean groupsKept,
                            long voteRecords, long pollEvents, List<Check> checks, Timings timings, String pgUrl,
                            String kafkaBootstrap) {

    public record Timings(Duration ledgerStart, Duration catchUp, Duration stop, Duration compare, Duration total) {
    }

    public static final int ROOTS_AGREE = 0;
    public static final int ROOTS_DIFFER = 1;
    /** Could not run: the stack is down, the database exists, the rebuilding ledger did not catch up… */
    public static final int COULD_NOT_RUN = 2;

    public boolean holds() {
        return checks.stream().allMatch(Check::holds);
    }

    public int exitCode() {
        return holds() ? ROOTS_AGREE : ROOTS_DIFFER;
    }

    /** The audit of the rebuilt database against the log: the rebuild's groups say it has caught up. */
    public String auditCommand() {
        return "PGURL=" + pgUrl() + " ./vote audit replay --ledger-group " + votesGroup + " --ledger-polls-group "
                + pollsGroup;
    }

    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        lines.add("Rebuilt database " + database + " compared with the original (votes):");
        for (int i = 0; i < checks.size(); i++) {
            Check check = checks.get(i);
            lines.add(String.format(Locale.ROOT, "%2d. %s %s — %s", i + 1, check.holds() ? "✓" : "✗", check.title(),
                    check.summary()));
            check.details().forEach(detail -> lines.add("      " + (check.holds() ? "· " : "! ") + detail));
        }
        lines.add("");
        lines.add(holds()
                ? "RESULT: the rebuilt ledger agrees with the original: same Merkle roots, checkpoints, votes, "
                        + "rejections, polls and tallies"
                : "RESULT: DISCREPANCY — the rebuilt ledger differs from the original (above)");
        double seconds = timings.total().toMillis() / 1000.0;
        lines.add(String.format(Locale.ROOT, "Rebuilt %,d records of votes.submitted and %,d poll events in %.1f s"
                        + " (%,.0f records/s overall); ledger start %.1f s, catch-up %.1f s (%,.0f records/s),"
                        + " stop %.1f s, comparison %.1f s",
                voteRecords, pollEvents, seconds, seconds == 0 ? 0 : voteRecords / seconds,
                timings.ledgerStart().toMillis() / 1000.0, timings.catchUp().toMillis() / 1000.0,
                CatchUp.rate(voteRecords, timings.catchUp().toNanos()), timings.stop().toMillis() / 1000.0,
                timings.compare().toMillis() / 1000.0));
        lines.add("");
        if (groupsKept) {
            lines.add("Verify the rebuilt database against the log (exit 0 = every check holds):");
            lines.add("  " + auditCommand());
            lines.add("Then delete the rebuild's consumer groups:");
            lines.add("  java -cp 'infra/kafka-server/target/lib/*' org.apache.kafka.tools.consumer.group."
                    + "ConsumerGroupCommand --bootstrap-server " + kafkaBootstrap + " --delete --group " + votesGroup
                    + " --group " + pollsGroup + " --group " + LedgerRebuild.flagsGroup(votesGroup));
        } else {
            lines.add("Consumer groups " + votesGroup + ", " + pollsGroup + " and "
                    + LedgerRebuild.flagsGroup(votesGroup) + " deleted. To verify the rebuilt"
                    + " database with ./vote audit replay, which needs them to know the rebuilt ledger caught up,"
                    + " run the rebuild with --keep-groups: it prints the audit command.");
        }
        lines.add("The original database is untouched. Drop the rebuilt one when done:");
        // As the owner (only it may drop the database), its password read from ./vote env, not printed here.
        lines.add("  psql \"$(./vote env PGURL_ADMIN)\" -c 'DROP DATABASE " + database + "'");
        return lines;
    }
}
