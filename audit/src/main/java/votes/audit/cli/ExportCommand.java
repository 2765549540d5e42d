package votes.audit.cli;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import votes.audit.check.Checklist;
import votes.audit.ledger.LedgerReader;
import votes.audit.progress.Progress;
import votes.events.export.ExportLine;

@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Every ledger entry of a poll (recorded votes and rejections, ordered by partition and offset) " +
                "from PostgreSQL, streamed, in the same ExportLine format as GET /api/v1/polls/{id}/export.")
public final class ExportCommand implements Callable<Integer> {

    /** The two formats of the export endpoint. */
    enum Format { jsonl, csv }

    @Option(names = "--poll", required = true, paramLabel = "ID", description = "The poll to export.")
    String poll;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "jsonl",
            description = "jsonl or csv (default ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--output", paramLabel = "FILE", description = "Write here instead of stdout.")
    Path output;

    @Option(names = "--no-progress", description = "No progress on stderr.")
    boolean noProgress;

    @Mixin
    Connections connections;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        try (Connection db = connections.jdbc().connect()) {
            LedgerReader reader = new LedgerReader(db);
            if (reader.polls(poll).isEmpty()) {
                err.println("audit: no poll " + poll + " in the ledger");
                return Checklist.COULD_NOT_RUN;
            }
            String leaf = reader.hasColumn("votes", "leaf_index") ? "leaf_index" : "NULL::bigint";
            // A database before V9 has no voids: its votes export as never voided.
            String voids = reader.hasColumn("votes", "void_event_id") ? "voided_at, void_reason"
                    : "NULL::timestamptz, NULL::text";
            Progress progress = new Progress(System.err, !noProgress && output != null);
            db.setAutoCommit(false); // the cursor streams only inside a transaction
            db.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try (PreparedStatement q = db.prepareStatement(
                    "SELECT 'recorded', event_id, poll_id, voter_id, option_id, NULL::text, submitted_at, recorded_at,"
                            + " kafka_partition, kafka_offset, " + leaf + ", " + voids + " FROM votes WHERE poll_id = ?"
                            + " UNION ALL SELECT 'rejected', event_id, poll_id, voter_id, option_id, reason, submitted_at,"
                            + " rejected_at, kafka_partition, kafka_offset, NULL::bigint, NULL::timestamptz, NULL::text"
                            + " FROM rejections WHERE poll_id = ?"
                            + " ORDER BY 9, 10");
                 Writer out = output == null ? new BufferedWriter(spec.commandLine().getOut(), 1 << 16)
                         : Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
                q.setFetchSize(LedgerReader.FETCH);
                q.setString(1, poll);
                q.setString(2, poll);
                progress.start("export", -1);
                if (format == Format.csv) {
                    out.write(ExportLine.csvHeader());
                    out.write('\n');
                }
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        OffsetDateTime voidedAt = rs.getObject(12, OffsetDateTime.class);
                        ExportLine line = new ExportLine(rs.getString(1), rs.getObject(2, UUID.class), rs.getString(3),
                                rs.getString(4), rs.getString(5), rs.getString(6),
                                rs.getObject(7, OffsetDateTime.class).toInstant(), rs.getObject(8, OffsetDateTime.class).toInstant(),
                                rs.getInt(9), rs.getLong(10), rs.getObject(11, Long.class),
                                voidedAt == null ? null : voidedAt.toInstant(), rs.getString(13));
                        out.write(format == Format.csv ? line.csv() : line.jsonl());
                        out.write('\n');
                        progress.advance(1);
                    }
                }
                progress.finish();
            } finally {
                db.rollback();
            }
        }
        return Checklist.ALL_HOLD;
    }
}
