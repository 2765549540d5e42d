package votes.ledger.receipt;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import votes.proofs.merkle.LedgerLeaf;
import votes.ledger.sql.Timestamps;

/**
 * Receipts the ledger has decided: a row in {@code votes} (recorded, or voided since by a confirmed fraud flag) or in
 * {@code rejections}.
 */
@ApplicationScoped
public class LedgerReceipts {

    // Both lookups hit a unique index on event_id; a vote is never in both tables, the votes row wins if it were. A
    // voided vote keeps its row and leaf: its status says voided, its reason is the void's.
    private static final String FIND = """
            SELECT 0 AS source, CASE WHEN voided_at IS NULL THEN 'recorded' ELSE 'voided' END AS status, poll_id,
                   voter_id, option_id, void_reason AS reason, submitted_at, recorded_at, kafka_partition,
                   kafka_offset, leaf_index
              FROM votes WHERE event_id = $1
            UNION ALL
            SELECT 1, 'rejected', poll_id, voter_id, option_id, reason, submitted_at, NULL, kafka_partition,
                   kafka_offset, NULL
              FROM rejections WHERE event_id = $1
            ORDER BY source
            LIMIT 1""";

    private final Pool pool;

    LedgerReceipts(Pool pool) {
        this.pool = pool;
    }

    /** @return the decided receipt, or null while the ledger has not decided this event (or never saw it) */
    public Uni<Receipt> find(UUID receiptId) {
        return pool.preparedQuery(FIND)
                .execute(Tuple.of(receiptId))
                .map(rows -> rows.size() == 0 ? null : receipt(receiptId, rows.iterator().next()));
    }

    private static Receipt receipt(UUID receiptId, Row row) {
        Instant submittedAt = Timestamps.fromSql(row.getOffsetDateTime("submitted_at"));
        Long leafIndex = row.getLong("leaf_index");
        // The leaf exactly as hashed: the row holds every field of it (submitted_at already in microseconds).
        LedgerLeaf leaf = leafIndex == null ? null : new LedgerLeaf(receiptId, row.getString("poll_id"),
                row.getString("voter_id"), row.getString("option_id"), submittedAt, row.getInteger("kafka_partition"),
                row.getLong("kafka_offset"));
        return new Receipt(receiptId, row.getString("poll_id"), row.getString("option_id"), row.getString("voter_id"),
                Receipt.Status.valueOf(row.getString("status").toUpperCase(Locale.ROOT)),
                row.getString("reason"),
                submittedAt, Timestamps.fromSql(row.getOffsetDateTime("recorded_at")), leaf, leafIndex);
    }
}
