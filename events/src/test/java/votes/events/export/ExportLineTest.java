package votes.events.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import votes.events.codec.EventCodec;

class ExportLineTest {

    private static final UUID EVENT = UUID.fromString("01890a5d-ac96-774b-bcce-b302099a8057");
    private static final Instant AT = Instant.parse("2026-11-21T08:00:00.5Z");

    @Test
    void csvHasOneFieldPerHeaderColumnAndQuotesWhatNeedsIt() {
        ExportLine line = new ExportLine(ExportLine.REJECTED, EVENT, "poll,1", "v\"x", "blue", "duplicate", AT, AT, 2, 9,
                null);
        assertThat(ExportLine.csvHeader().split(",")).hasSize(13);
        assertThat(line.csv()).isEqualTo("rejected," + EVENT + ",\"poll,1\",\"v\"\"x\",blue,duplicate,"
                + "2026-11-21T08:00:00.500Z,2026-11-21T08:00:00.500Z,2,9,,,");
    }

    @Test
    void csvTextStartingWithAFormulaCharacterIsPrefixedWithAQuote() {
        ExportLine line = new ExportLine(ExportLine.REJECTED, EVENT, "=HYPERLINK(\"x\")", "@SUM(1)", "-1+2",
                "+cmd", AT, AT, 2, 9, null);
        assertThat(line.csv()).isEqualTo("rejected," + EVENT + ",\"'=HYPERLINK(\"\"x\"\")\",'@SUM(1),'-1+2,'+cmd,"
                + "2026-11-21T08:00:00.500Z,2026-11-21T08:00:00.500Z,2,9,,,");
        assertThat(ExportLine.neutralised("\tx")).isEqualTo("'\tx");
        assertThat(ExportLine.neutralised("\rx")).isEqualTo("'\rx");
        assertThat(ExportLine.neutralised("a-1")).isEqualTo("a-1");
        assertThat(ExportLine.neutralised("")).isEmpty();
    }

    @Test
    void jsonlKeepsFormulaLikeTextVerbatim() {
        ExportLine line = new ExportLine(ExportLine.RECORDED, EVENT, "p", "v1", "-1+2", null, AT, AT, 0, 7, 3L);
        assertThat(line.jsonl()).contains("\"optionId\":\"-1+2\"");
        assertThat(EventCodec.fromJson(line.jsonl(), ExportLine.class)).isEqualTo(line);
    }

    @Test
    void jsonlIsOneLineThatReadsBackToTheSameEntry() {
        ExportLine line = new ExportLine(ExportLine.RECORDED, EVENT, "final", "v1", "blue", null, AT, AT, 0, 7, 3L);
        assertThat(line.jsonl()).doesNotContain("\n").contains("\"leafIndex\":3");
        assertThat(EventCodec.fromJson(line.jsonl(), ExportLine.class)).isEqualTo(line);
    }

    @Test
    void aVoidedVoteCarriesTheVoidInBothFormatsAndAnUnvoidedOneHasNoVoidFieldsInJson() {
        Instant voidedAt = AT.plusSeconds(60);
        ExportLine voided = new ExportLine(ExportLine.RECORDED, EVENT, "p", "v1", "blue", null, AT, AT, 0, 7, 3L,
                voidedAt, "bot swarm, flag f1");
        assertThat(voided.csv()).endsWith(",0,7,3,2026-11-21T08:01:00.500Z,\"bot swarm, flag f1\"");
        assertThat(voided.jsonl()).contains("\"voidedAt\":\"2026-11-21T08:01:00.500Z\"",
                "\"voidReason\":\"bot swarm, flag f1\"");
        assertThat(EventCodec.fromJson(voided.jsonl(), ExportLine.class)).isEqualTo(voided);

        ExportLine kept = new ExportLine(ExportLine.RECORDED, EVENT, "p", "v1", "blue", null, AT, AT, 0, 7, 3L);
        assertThat(kept.jsonl()).doesNotContain("voidedAt", "voidReason");
    }
}
