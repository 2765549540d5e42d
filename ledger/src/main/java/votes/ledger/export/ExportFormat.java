package votes.ledger.export;

import io.smallrye.mutiny.Multi;
import java.util.Locale;
import votes.events.export.ExportLine;

/** The two export formats: one JSON object per line, or RFC 4180 CSV with a header line. */
public enum ExportFormat {
    JSONL("application/x-ndjson"),
    CSV("text/csv");

    private final String mediaType;

    ExportFormat(String mediaType) {
        this.mediaType = mediaType;
    }

    public String mediaType() {
        return mediaType;
    }

    /** @return the format, or null for anything else */
    public static ExportFormat parse(String name) {
        for (ExportFormat format : values()) {
            if (format.name().toLowerCase(Locale.ROOT).equals(name)) {
                return format;
            }
        }
        return null;
    }

    /** Each line ends with a newline, the CSV header included. */
    public Multi<String> lines(Multi<ExportLine> entries) {
        if (this == JSONL) {
            return entries.map(entry -> entry.jsonl() + "\n");
        }
        return Multi.createBy().concatenating().streams(Multi.createFrom().item(ExportLine.csvHeader() + "\n"),
                entries.map(entry -> entry.csv() + "\n"));
    }
}
