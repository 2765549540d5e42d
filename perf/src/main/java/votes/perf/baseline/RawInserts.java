package votes.perf.baseline;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import votes.events.id.EventIds;

/**
 * The ledger's write without the ledger: {@code batch}-row {@code INSERT … SELECT FROM unnest(…) ON CONFLICT DO
 * NOTHING} into a scratch table shaped like {@code votes} (both unique constraints), one autocommitted statement per
 * batch, {@code connections} batches in flight. The raw insert baseline's rate and the cost floor's µs per row.
 */
public final class RawInserts {

    static final String TABLE = "perf_votes";

    static final String DDL = "CREATE TABLE " + TABLE + " (poll_id text NOT NULL, voter_id text NOT NULL, "
            + "option_id text NOT NULL, event_id uuid NOT NULL UNIQUE, submitted_at timestamptz NOT NULL, "
            + "recorded_at timestamptz NOT NULL DEFAULT now(), kafka_partition int, kafka_offset bigint, "
            + "UNIQUE (poll_id, voter_id))";

    static final String INSERT = "INSERT INTO " + TABLE
            + " (poll_id, voter_id, option_id, event_id, submitted_at, kafka_partition, kafka_offset)"
            + " SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::uuid[], $5::timestamptz[], $6::int[], $7::bigint[])"
            + " ON CONFLICT DO NOTHING";

    private final Pool pool;
    private final int batch;
    private final int connections;

    /** {@code pool}: at least {@code connections} connections ({@link PgOptions#pool}). */
    public RawInserts(Pool pool, int batch, int connections) {
        this.pool = pool;
        this.batch = batch;
        this.connections = connections;
    }

    /** A fresh scratch table (an earlier one dropped). */
    public void create() {
        join(pool.query("DROP TABLE IF EXISTS " + TABLE).execute());
        join(pool.query(DDL).execute());
    }

    public void truncate() {
        join(pool.query("TRUNCATE " + TABLE).execute());
    }

    public void drop() {
        join(pool.query("DROP TABLE " + TABLE).execute());
    }

    /** Builds {@code rows} rows in batches (voters tagged {@code tag}, distinct per call) before anything is timed. */
    public List<Tuple> batches(String tag, int rows) {
        List<Tuple> out = new ArrayList<>();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        for (int start = 0; start < rows; start += batch) {
            int size = Math.min(batch, rows - start);
            String[] polls = new String[size];
            String[] voters = new String[size];
            String[] options = new String[size];
            UUID[] ids = new UUID[size];
            OffsetDateTime[] at = new OffsetDateTime[size];
            Integer[] partitions = new Integer[size];
            Long[] offsets = new Long[size];
            for (int k = 0; k < size; k++) {
                int i = start + k;
                polls[k] = "perf-poll-pg";
                voters[k] = SyntheticVotes.voterId("pg-" + tag + "-", i);
                options[k] = (i & 1) == 0 ? "a" : "b";
                ids[k] = EventIds.next();
                at[k] = now;
                partitions[k] = i % 6;
                offsets[k] = (long) i;
            }
            out.add(Tuple.tuple().addArrayOfString(polls).addArrayOfString(voters).addArrayOfString(options)
                    .addArrayOfUUID(ids).addArrayOfOffsetDateTime(at).addArrayOfInteger(partitions).addArrayOfLong(offsets));
        }
        return out;
    }

    /** Inserts every batch, {@code connections} in flight; returns when the last has committed. */
    public void insertAll(List<Tuple> tuples) {
        AtomicInteger next = new AtomicInteger();
        List<CompletableFuture<Void>> lanes = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            CompletableFuture<Void> lane = new CompletableFuture<>();
            lanes.add(lane);
            insertNext(tuples, next, lane);
        }
        CompletableFuture.allOf(lanes.toArray(CompletableFuture[]::new)).orTimeout(10, TimeUnit.MINUTES).join();
    }

    private void insertNext(List<Tuple> tuples, AtomicInteger next, CompletableFuture<Void> lane) {
        int b = next.getAndIncrement();
        if (b >= tuples.size()) {
            lane.complete(null);
            return;
        }
        pool.preparedQuery(INSERT).execute(tuples.get(b)).onComplete(ar -> {
            if (ar.failed()) {
                lane.completeExceptionally(ar.cause());
            } else {
                insertNext(tuples, next, lane);
            }
        });
    }

    static <T> T join(Future<T> f) {
        return f.toCompletionStage().toCompletableFuture().orTimeout(5, TimeUnit.MINUTES).join();
    }
}
