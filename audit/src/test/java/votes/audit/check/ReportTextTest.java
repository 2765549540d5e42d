package votes.audit.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import votes.audit.replay.ReplayOutcome;
import votes.audit.replay.VoidOutcome;
import votes.proofs.checkpoint.LogHead;

class ReportTextTest {

    static ReplayReport report(List<Check> checks) {
        return new ReplayReport(null, Map.of(0, 10L, 1, 7L), new ReplayOutcome.Counts(17, 12, 5, 0, 0, 2),
                new VoidOutcome.Counts(0, 0, 0, 0), 1500, 1000,
                17, checks, Map.of("song", Map.of("a", 7L, "b", 5L)), List.of(new LogHead(0, 7, "ab".repeat(32))),
                List.of("the ledger has not caught up"), new Checklist(checks).exitCode());
    }

    @Test
    void aPassingReportListsNumberedChecksTalliesAndRoots() {
        String text = ReportText.render(report(List.of(
                new Check(1, EveryEventJudged.TITLE, Status.PASS, 17, 0, "17 events", null),
                Check.skip(9, PublishedTalliesAgree.TITLE, "topic vote-tallies does not exist"))));

        assertThat(text).contains(" 1. ✓ every vote in the log is in the ledger (recorded or rejected)\n       17 events\n")
                .contains(" 9. – published tallies").contains("tally song: a=7, b=5 (12 votes)")
                .contains("merkle log 0: 7 leaves, root " + "ab".repeat(32))
                .contains("note: the ledger has not caught up")
                .endsWith("RESULT: all 1 checks hold (1 skipped)\n");
    }

    @Test
    void aFailingCheckShowsItsFirstOffenderAndTheVerdictCountsIt() {
        String text = ReportText.render(report(List.of(
                new Check(2, RecordedAsRuled.TITLE, Status.FAIL, 12, 3, "12 recorded votes compared", "event e1: option_id expected a, found b"),
                new Check(11, CheckpointsAgree.TITLE, Status.ERROR, 0, 0, "no key", null))));

        assertThat(text).contains(" 2. ✗ every recorded vote").contains("12 recorded votes compared — 3 not holding\n")
                .contains("       first: event e1: option_id expected a, found b\n")
                .contains("11. ! checkpoints").endsWith("RESULT: DISCREPANCY — 1 of 2 checks do not hold\n");
        assertThat(new Checklist(report(List.of()).checks()).exitCode()).isZero();
    }

    @Test
    void anIncompleteAuditSaysSo() {
        assertThat(ReportText.verdict(List.of(Check.error(11, CheckpointsAgree.TITLE, "no key"))))
                .isEqualTo("RESULT: INCOMPLETE — 1 checks could not run");
    }
}
