package votes.infra.rebuild;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RebuildReportTest {

    static final RebuildReport.Timings TIMINGS = new RebuildReport.Timings(Duration.ofSeconds(8),
            Duration.ofSeconds(4), Duration.ofSeconds(1), Duration.ofMillis(200), Duration.ofSeconds(14));

    static RebuildReport report(List<Check> checks, boolean keepGroups) {
        return new RebuildReport("votes_rebuild_x", "ledger-rebuild-t", "ledger-polls-rebuild-t", keepGroups, 20_000, 4,
                checks, TIMINGS, "postgresql://votes_reader:pw@127.0.0.1:26432/votes_rebuild_x", "127.0.0.1:26092");
    }

    static final Check HOLDS = new Check("Merkle logs: same size and root", true, "6 logs", List.of("a note"));
    static final Check FAILS = new Check("votes below the end offsets: same count per (poll, option)", false,
            "10 votes", List.of("p1/a: 9 votes in the original, 8 rebuilt"));

    @Test
    void agreementExitsZeroAndPrintsTheAuditCommandWithTheRebuildsGroups() {
        RebuildReport report = report(List.of(HOLDS), true);

        assertThat(report.exitCode()).isZero();
        assertThat(report.lines()).contains(
                " 1. ✓ Merkle logs: same size and root — 6 logs",
                "      · a note",
                "  PGURL=postgresql://votes_reader:pw@127.0.0.1:26432/votes_rebuild_x ./vote audit replay --ledger-group"
                        + " ledger-rebuild-t --ledger-polls-group ledger-polls-rebuild-t",
                "  java -cp 'infra/kafka-server/target/lib/*' org.apache.kafka.tools.consumer.group.ConsumerGroupCommand"
                        + " --bootstrap-server 127.0.0.1:26092 --delete --group ledger-rebuild-t --group"
                        + " ledger-polls-rebuild-t --group ledger-rebuild-t-flags");
        assertThat(report.lines()).anyMatch(line -> line.startsWith("RESULT: the rebuilt ledger agrees"));
        assertThat(report.lines()).anyMatch(line -> line.startsWith("Rebuilt 20,000 records of votes.submitted and 4"
                + " poll events in 14.0 s (1,429 records/s overall); ledger start 8.0 s, catch-up 4.0 s (5,000"
                + " records/s), stop 1.0 s, comparison 0.2 s"));
    }

    @Test
    void aDifferenceExitsOneAndIsListedUnderItsCheck() {
        RebuildReport report = report(List.of(HOLDS, FAILS), false);

        assertThat(report.exitCode()).isEqualTo(RebuildReport.ROOTS_DIFFER);
        assertThat(report.lines()).containsSequence(
                " 2. ✗ votes below the end offsets: same count per (poll, option) — 10 votes",
                "      ! p1/a: 9 votes in the original, 8 rebuilt");
        assertThat(report.lines()).anyMatch(line -> line.startsWith("RESULT: DISCREPANCY"));
    }

    @Test
    void withoutKeptGroupsItSaysHowToGetTheAuditInsteadOfPrintingACommandThatCannotWork() {
        List<String> lines = report(List.of(HOLDS), false).lines();

        assertThat(lines).noneMatch(line -> line.contains("./vote audit replay --ledger-group"));
        assertThat(lines).anyMatch(line -> line.contains("deleted") && line.contains("--keep-groups"));
    }
}
