package votes.ledger.export;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Transaction;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import votes.events.export.ExportLine;
import votes.kit.problem.Problem;
import votes.kit.problem.ProblemException;
import votes.kit.problem.ProblemType;
import votes.ledger.sql.Timestamps;

/**
 * Every ledger entry of a poll, recorded (a voided vote with its void) and rejected, in log order ((partition,
 * offset)), read through a server-side cursor: an export of a million votes holds {@value #FETCH} rows in memory, not
 * a million. The cursor needs a transaction, so each export holds one pooled connection until its stream ends or is
 * cancelled; at most {@code ledger.export.max-concurrent} of them at once, so slow downloads can never take the
 * connections the vote batches need.
 */
@ApplicationScoped
public class LedgerExport {

    /** Rows per cursor round trip. */
    static final int FETCH = 500;

    private static final String ENTRIES = """
            SELECT 'recorded' AS status, event_id, poll_id, voter_id, option_id, NULL AS reason, submitted_at,
                   recorded_at AS decided_at, kafka_partition, kafka_offset, leaf_index, voided_at, void_reason
              FROM votes WHERE poll_id = $1
            UNION ALL
            SELECT 'rejected', event_id, poll_id, voter_id, option_id, reason, submitted_at, rejected_at,
                   kafka_partition, kafka_offset, NULL, NULL, NULL
              FROM rejections WHERE poll_id = $1
            ORDER BY kafka_partition, kafka_offset""";

    private static final Duration RETRY_AFTER = Duration.ofSeconds(10);

    private final Pool pool;
    private final int maxConcurrent;
    private final AtomicInteger running = new AtomicInteger();

    LedgerExport(Pool pool, @ConfigProperty(name = "ledger.export.max-concurrent") int maxConcurrent) {
        this.pool = pool;
        this.maxConcurrent = maxConcurrent;
    }

    /**
     * A cold stream: nothing is read until subscribed, and cancelling it rolls back and frees the connection. Fails
     * with a 503 problem before its first entry when the concurrent exports are all taken.
     */
    public Multi<ExportLine> entries(String pollId) {
        return Multi.createFrom().resourceFromUni(this::open,
                        open -> open.connection().prepare(ENTRIES).toMulti()
                                .onItem().transformToMultiAndConcatenate(statement -> statement
                                        .createStream(FETCH, Tuple.of(pollId)).toMulti()))
                .withFinalizer(this::close)
                .map(LedgerExport::line);
    }

    private record Open(SqlConnection connection, Transaction transaction) {
    }

    private Uni<Open> open() {
        if (running.incrementAndGet() > maxConcurrent) {
            running.decrementAndGet();
            return Uni.createFrom().failure(new ProblemException(Problem.of(ProblemType.UNAVAILABLE,
                    maxConcurrent + " exports are already running; retry later"), RETRY_AFTER));
        }
        return pool.getConnection().flatMap(connection -> connection.begin()
                        .map(transaction -> new Open(connection, transaction))
                        .onFailure().call(connection::close))
                .onFailure().invoke(running::decrementAndGet);
    }

    /** Read-only: rolling back ends the transaction as well as committing would, and says so. */
    private Uni<Void> close(Open open) {
        return open.transaction().rollback()
                .onFailure().recoverWithNull()
                .eventually(() -> open.connection().close())
                .eventually(running::decrementAndGet);
    }

    private static ExportLine line(Row row) {
        return new ExportLine(row.getString("status"), row.getUUID("event_id"), row.getString("poll_id"),
                row.getString("voter_id"), row.getString("option_id"), row.getString("reason"),
                Timestamps.fromSql(row.getOffsetDateTime("submitted_at")),
                Timestamps.fromSql(row.getOffsetDateTime("decided_at")), row.getInteger("kafka_partition"),
                row.getLong("kafka_offset"), row.getLong("leaf_index"),
                Timestamps.fromSql(row.getOffsetDateTime("voided_at")), row.getString("void_reason"));
    }
}
