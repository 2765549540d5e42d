package votes.ledger.export;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.mutiny.Multi;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import votes.events.export.ExportLine;

class ExportFormatTest {

    private static final ExportLine RECORDED = new ExportLine("recorded", UUID.fromString(
            "01a1fd1f-3ddd-7843-878e-5a6ab26e196f"), "p1", "v1", "a", null, Instant.parse("2026-11-21T12:00:00Z"),
            Instant.parse("2026-11-21T12:00:01Z"), 3, 17, 4L);
    private static final ExportLine REJECTED = new ExportLine("rejected", UUID.fromString(
            "01a1fd1f-3ddd-7843-878e-5a6ab26e1970"), "p1", "v1", "b", "duplicate",
            Instant.parse("2026-11-21T12:00:02Z"), Instant.parse("2026-11-21T12:00:03Z"), 3, 18, null);

    @Test
    void onlyTheTwoFormatsByTheirLowerCaseNames() {
        assertThat(ExportFormat.parse("jsonl")).isEqualTo(ExportFormat.JSONL);
        assertThat(ExportFormat.parse("csv")).isEqualTo(ExportFormat.CSV);
        assertThat(ExportFormat.parse("CSV")).isNull();
        assertThat(ExportFormat.parse("xml")).isNull();
        assertThat(ExportFormat.parse(null)).isNull();
    }

    @Test
    void jsonLinesAreTheEntriesOwnLinesEachEndingTheLine() {
        assertThat(lines(ExportFormat.JSONL)).containsExactly(RECORDED.jsonl() + "\n", REJECTED.jsonl() + "\n");
        assertThat(ExportFormat.JSONL.mediaType()).isEqualTo("application/x-ndjson");
    }

    @Test
    void csvStartsWithItsHeaderEvenWithoutEntries() {
        assertThat(lines(ExportFormat.CSV)).containsExactly(ExportLine.csvHeader() + "\n", RECORDED.csv() + "\n",
                REJECTED.csv() + "\n");
        assertThat(ExportFormat.CSV.lines(Multi.createFrom().empty()).collect().asList().await().indefinitely())
                .containsExactly(ExportLine.csvHeader() + "\n");
    }

    private static List<String> lines(ExportFormat format) {
        return format.lines(Multi.createFrom().items(RECORDED, REJECTED)).collect().asList().await().indefinitely();
    }
}
