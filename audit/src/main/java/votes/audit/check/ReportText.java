package votes.audit.check;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import votes.proofs.checkpoint.LogHead;

/** The human report: an ElectionGuard-verifier-style numbered checklist, then tallies and Merkle heads. */
public final class ReportText {

    /** More polls than this and the per-poll tallies are left to --poll or --json. */
    private static final int POLLS_SHOWN = 20;

    private ReportText() {
    }

    public static String render(ReplayReport report) {
        StringBuilder out = new StringBuilder();
        out.append("votes audit replay").append(report.poll() == null ? "" : " --poll " + report.poll()).append('\n');
        out.append(String.format("  log: votes.submitted up to %s; %,d votes, %,d poll events, replayed in %.1f s (%,d events/s); total %.1f s%n",
                new TreeMap<>(report.endOffsets()), report.counts().events() + report.counts().poison(),
                report.counts().pollEvents(), report.replayMs() / 1000.0, report.eventsPerSecond(),
                report.durationMs() / 1000.0));
        if (report.voids().events() > 0) {
            out.append(String.format("  voids: %,d VotesVoided in poll-events (%,d re-appended), %,d counted, %,d votes"
                    + " voided%n", report.voids().events(), report.voids().reappended(), report.voids().counted(),
                    report.voids().votesVoided()));
        }
        report.notes().forEach(note -> out.append("  note: ").append(note).append('\n'));
        out.append('\n');
        appendChecks(out, report.checks());
        out.append('\n');
        if (report.tallies().size() <= POLLS_SHOWN) {
            new TreeMap<>(report.tallies()).forEach((poll, options) -> out.append("  tally ").append(poll).append(": ")
                    .append(line(options)).append('\n'));
        } else {
            out.append(String.format("  tallies of %,d polls: see --poll ID or --json%n", report.tallies().size()));
        }
        for (LogHead log : report.logs()) {
            out.append(String.format("  merkle log %d: %,d leaves, root %s%n", log.log(), log.size(), log.root()));
        }
        out.append('\n').append(verdict(report)).append('\n');
        return out.toString();
    }

    /** The numbered items, each with its counts and, when it does not hold, its first offender. */
    public static void appendChecks(StringBuilder out, List<Check> checks) {
        for (Check check : checks) {
            out.append(String.format("%2d. %s %s%n", check.number(), check.status().mark(), check.title()));
            out.append("       ").append(check.summary());
            if (check.failures() > 0 && check.checked() > 1) {
                out.append(String.format(" — %,d not holding", check.failures()));
            }
            out.append('\n');
            if (check.firstOffender() != null) {
                out.append("       first: ").append(check.firstOffender()).append('\n');
            }
        }
    }

    /** A short checklist (verify-receipt, consistency) with its verdict line. */
    public static String render(String heading, Checklist checklist) {
        StringBuilder out = new StringBuilder(heading).append("\n\n");
        appendChecks(out, checklist.checks());
        return out.append('\n').append(verdict(checklist.checks())).append('\n').toString();
    }

    static String verdict(ReplayReport report) {
        return verdict(report.checks());
    }

    static String verdict(List<Check> checks) {
        long failed = checks.stream().filter(c -> c.status() == Status.FAIL).count();
        long errors = checks.stream().filter(c -> c.status() == Status.ERROR).count();
        long skipped = checks.stream().filter(c -> c.status() == Status.SKIP).count();
        String skippedNote = skipped == 0 ? "" : String.format(" (%d skipped)", skipped);
        if (failed > 0) {
            return String.format("RESULT: DISCREPANCY — %d of %d checks do not hold%s", failed, checks.size(),
                    skippedNote);
        }
        if (errors > 0) {
            return String.format("RESULT: INCOMPLETE — %d checks could not run%s", errors, skippedNote);
        }
        return String.format("RESULT: all %d checks hold%s", checks.size() - skipped, skippedNote);
    }

    private static String line(Map<String, Long> options) {
        StringBuilder s = new StringBuilder();
        long total = 0;
        for (Map.Entry<String, Long> e : new TreeMap<>(options).entrySet()) {
            s.append(s.isEmpty() ? "" : ", ").append(e.getKey()).append('=').append(e.getValue());
            total += e.getValue();
        }
        return s.append(String.format(" (%,d votes)", total)).toString();
    }
}
