package votes.ledger.checkpoint;

import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import votes.proofs.checkpoint.Checkpoint;
import votes.proofs.checkpoint.LogHead;
import votes.proofs.checkpoint.SignedCheckpoint;
import votes.proofs.merkle.MerkleHash;
import votes.ledger.sql.Timestamps;

/** The {@code checkpoints} table (every checkpoint ever signed) and the log heads a new one certifies. */
@ApplicationScoped
public class CheckpointStore {

    private static final String COLUMNS = "sequence, origin, issued_at, body, signature, key_id, public_key";
    private static final String LATEST = "SELECT " + COLUMNS + " FROM checkpoints ORDER BY sequence DESC LIMIT 1";
    private static final String BY_SEQUENCE = "SELECT " + COLUMNS + " FROM checkpoints WHERE sequence = $1";
    private static final String HEADS = "SELECT log_id, size, root FROM merkle_logs ORDER BY log_id";
    private static final String INSERT = "INSERT INTO checkpoints (" + COLUMNS + ") VALUES ($1, $2, $3, $4, $5, $6, $7)";

    private final Pool pool;

    CheckpointStore(Pool pool) {
        this.pool = pool;
    }

    /** @return the newest checkpoint, or null before the first */
    public Uni<SignedCheckpoint> latest() {
        return latest(pool);
    }

    public Uni<SignedCheckpoint> latest(SqlClient client) {
        return client.preparedQuery(LATEST).execute().map(CheckpointStore::first);
    }

    /** @return that checkpoint, or null if there is none with this sequence number */
    public Uni<SignedCheckpoint> bySequence(long sequence) {
        return pool.preparedQuery(BY_SEQUENCE).execute(Tuple.of(sequence)).map(CheckpointStore::first);
    }

    /** The committed head of every log, by log id: what a checkpoint issued now certifies. */
    public Uni<List<LogHead>> heads(SqlClient client) {
        return client.preparedQuery(HEADS).execute().map(rows -> {
            List<LogHead> heads = new ArrayList<>(rows.size());
            for (Row row : rows) {
                heads.add(new LogHead(row.getInteger("log_id"), row.getLong("size"),
                        MerkleHash.hex(row.getBuffer("root").getBytes())));
            }
            return heads;
        });
    }

    public Uni<Void> insert(SqlClient client, SignedCheckpoint signed) {
        Checkpoint checkpoint = signed.checkpoint();
        JsonArray body = new JsonArray();
        checkpoint.logs().forEach(head -> body.add(new JsonObject()
                .put("log", head.log()).put("size", head.size()).put("root", head.root())));
        return client.preparedQuery(INSERT)
                .execute(Tuple.tuple()
                        .addLong(checkpoint.sequence())
                        .addString(checkpoint.origin())
                        .addOffsetDateTime(Timestamps.toSql(checkpoint.issuedAt()))
                        .addValue(body)
                        .addValue(Buffer.buffer(Base64.getDecoder().decode(signed.signature())))
                        .addString(signed.keyId())
                        .addString(signed.publicKey()))
                .replaceWithVoid();
    }

    private static SignedCheckpoint first(RowSet<Row> rows) {
        return rows.size() == 0 ? null : toSigned(rows.iterator().next());
    }

    private static SignedCheckpoint toSigned(Row row) {
        JsonArray body = row.getJsonArray("body");
        List<LogHead> logs = new ArrayList<>(body.size());
        for (int i = 0; i < body.size(); i++) {
            JsonObject head = body.getJsonObject(i);
            logs.add(new LogHead(head.getInteger("log"), head.getLong("size"), head.getString("root")));
        }
        Instant issuedAt = Timestamps.fromSql(row.getOffsetDateTime("issued_at"));
        Checkpoint checkpoint = new Checkpoint(row.getString("origin"), row.getLong("sequence"), issuedAt, logs);
        return new SignedCheckpoint(checkpoint, Base64.getEncoder().encodeToString(row.getBuffer("signature").getBytes()),
                row.getString("public_key"), row.getString("key_id"));
    }
}
