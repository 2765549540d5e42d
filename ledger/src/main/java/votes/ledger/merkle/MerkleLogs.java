package votes.ledger.merkle;

import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import votes.proofs.merkle.MerkleHash;
import votes.proofs.merkle.ProofRequest;
import votes.proofs.merkle.Tile;
import votes.proofs.merkle.TileKey;
import votes.proofs.merkle.TileNodes;
import votes.ledger.sql.PipelinedTransaction;

/**
 * The Merkle logs in PostgreSQL: {@code merkle_logs} (one head per log, the row a batch locks) and
 * {@code merkle_tiles} (full tiles, insert-only). Writes run on the batch's own connection, inside its transaction;
 * reads for proofs take one query each.
 */
@ApplicationScoped
public class MerkleLogs {

    // ORDER BY: every batch locks its logs in the same order, so two batches sharing logs cannot deadlock.
    private static final String LOCK = """
            SELECT log_id, size, right_edge FROM merkle_logs WHERE log_id = ANY($1::int[])
            ORDER BY log_id FOR UPDATE""";
    private static final String CREATE = """
            INSERT INTO merkle_logs (log_id, size, root, right_edge)
            SELECT log_id, 0, $2, $3 FROM unnest($1::int[]) AS log_id
            ON CONFLICT (log_id) DO NOTHING""";
    // One round trip for both: a data-modifying CTE runs whether or not the outer statement reads it.
    private static final String APPEND = """
            WITH tiles AS (
                INSERT INTO merkle_tiles (log_id, level, idx, hashes)
                SELECT * FROM unnest($1::int[], $2::int[], $3::bigint[], $4::bytea[]))
            UPDATE merkle_logs AS m SET size = u.size, root = u.root, right_edge = u.right_edge, updated_at = now()
            FROM unnest($5::int[], $6::bigint[], $7::bytea[], $8::bytea[]) AS u(log_id, size, root, right_edge)
            WHERE m.log_id = u.log_id""";
    // One statement, so the right edge and the tiles come from the same snapshot: a tile the right edge no longer
    // holds (it filled up since) is then among the full tiles read.
    private static final String NODES = """
            SELECT m.size, m.right_edge, t.level, t.idx, t.hashes
            FROM merkle_logs m
            LEFT JOIN merkle_tiles t ON t.log_id = m.log_id
                AND (t.level, t.idx) IN (SELECT * FROM unnest($2::int[], $3::bigint[]))
            WHERE m.log_id = $1""";

    private final Pool pool;
    private final LogMoves moves;

    MerkleLogs(Pool pool, LogMoves moves) {
        this.pool = pool;
        this.moves = moves;
    }

    /**
     * Locks the logs (creating the missing ones, empty) until the transaction ends: from here on, this transaction
     * alone appends to them, and every later statement of it sees the votes the previous holder committed.
     */
    public Uni<Map<Integer, StoredLog>> lock(SqlConnection connection, Set<Integer> logIds) {
        Integer[] ids = new TreeSet<>(logIds).toArray(Integer[]::new);
        return locked(connection, ids).flatMap(found -> found.size() == ids.length
                ? Uni.createFrom().item(found)
                : connection.preparedQuery(CREATE)
                        .execute(Tuple.tuple().addArrayOfInteger(ids)
                                .addValue(Buffer.buffer(MerkleHash.emptyRoot()))
                                .addValue(Buffer.buffer(LogAppends.emptyRightEdge())))
                        .flatMap(created -> locked(connection, ids)));
    }

    /**
     * Locks the logs that exist, creating none: one statement, so a batch can pipeline it with its reads. The
     * result holds fewer logs than asked when one is new; the caller then takes {@link #lock} and reads again.
     */
    public Uni<Map<Integer, StoredLog>> lockExisting(SqlConnection connection, Set<Integer> logIds) {
        return locked(connection, new TreeSet<>(logIds).toArray(Integer[]::new));
    }

    private static Uni<Map<Integer, StoredLog>> locked(SqlConnection connection, Integer[] ids) {
        return connection.preparedQuery(LOCK).execute(Tuple.tuple().addArrayOfInteger(ids)).map(rows -> {
            Map<Integer, StoredLog> logs = new HashMap<>();
            for (Row row : rows) {
                logs.put(row.getInteger("log_id"), new StoredLog(row.getInteger("log_id"), row.getLong("size"),
                        row.getBuffer("right_edge").getBytes()));
            }
            return logs;
        });
    }

    /**
     * Inserts the completed tiles and moves the heads; the caller holds the logs' locks. The checkpoint publisher
     * learns of the move once it is visible to its own reads, not before: when the transaction commits.
     */
    public Uni<Void> append(PipelinedTransaction transaction, List<LogUpdate> updates) {
        if (updates.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Integer> tileLogs = new ArrayList<>();
        List<Integer> tileLevels = new ArrayList<>();
        List<Long> tileIndexes = new ArrayList<>();
        List<Buffer> tileHashes = new ArrayList<>();
        int n = updates.size();
        Integer[] logs = new Integer[n];
        Long[] sizes = new Long[n];
        Buffer[] roots = new Buffer[n];
        Buffer[] edges = new Buffer[n];
        for (int i = 0; i < n; i++) {
            LogUpdate update = updates.get(i);
            logs[i] = update.logId();
            sizes[i] = update.size();
            roots[i] = Buffer.buffer(update.root());
            edges[i] = Buffer.buffer(update.rightEdge());
            for (Tile tile : update.fullTiles()) {
                tileLogs.add(update.logId());
                tileLevels.add(tile.level());
                tileIndexes.add(tile.index());
                tileHashes.add(Buffer.buffer(tile.hashes()));
            }
        }
        transaction.onCommit(moves::committed);
        return transaction.connection().preparedQuery(APPEND)
                .execute(Tuple.tuple()
                        .addArrayOfInteger(tileLogs.toArray(Integer[]::new))
                        .addArrayOfInteger(tileLevels.toArray(Integer[]::new))
                        .addArrayOfLong(tileIndexes.toArray(Long[]::new))
                        .addValue(tileHashes.toArray(Buffer[]::new))
                        .addArrayOfInteger(logs).addArrayOfLong(sizes).addValue(roots).addValue(edges))
                .replaceWithVoid();
    }

    /**
     * What answering a proof request on one log needs, read in one query: the tiles {@link TileNodes#needed} names
     * and the log's right edge.
     *
     * @return the nodes and the log's current size, or null when the log does not exist
     */
    public Uni<StoredNodes> nodes(int logId, ProofRequest request) {
        Set<TileKey> needed = TileNodes.needed(request);
        Integer[] levels = needed.stream().map(TileKey::level).toArray(Integer[]::new);
        Long[] indexes = needed.stream().map(TileKey::index).toArray(Long[]::new);
        return pool.preparedQuery(NODES)
                .execute(Tuple.tuple().addInteger(logId).addArrayOfInteger(levels).addArrayOfLong(indexes))
                .map(rows -> {
                    if (rows.size() == 0) {
                        return null;
                    }
                    Map<TileKey, byte[]> tiles = new HashMap<>();
                    long size = 0;
                    byte[] rightEdge = null;
                    for (Row row : rows) {
                        size = row.getLong("size");
                        rightEdge = row.getBuffer("right_edge").getBytes();
                        if (row.getValue("level") != null) {
                            tiles.put(new TileKey(row.getInteger("level"), row.getLong("idx")),
                                    row.getBuffer("hashes").getBytes());
                        }
                    }
                    return new StoredNodes(size, new TileNodes(tiles, rightEdge));
                });
    }

    /** A log's nodes as far as one request needs them, and the log's size when they were read. */
    public record StoredNodes(long size, TileNodes nodes) {
    }
}
