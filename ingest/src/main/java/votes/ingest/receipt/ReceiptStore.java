package votes.ingest.receipt;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;
import votes.ingest.fastpath.FastPathConfig;

/**
 * After the broker acknowledged a vote, writes the three keys of the contract in one pipelined round trip:
 * the voter's vote in the poll (the dedupe fast path), the Idempotency-Key's answer, and the pending receipt
 * the ledger shows until it records the vote. Best effort: the vote is already durable; losing these keys
 * only costs a later duplicate a trip to the ledger.
 */
@ApplicationScoped
public class ReceiptStore {

    private static final Logger LOG = Logger.getLogger(ReceiptStore.class);

    private final Redis redis;
    private final ObjectMapper json;
    private final FastPathConfig config;

    public ReceiptStore(Redis redis, ObjectMapper json, FastPathConfig config) {
        this.redis = redis;
        this.json = json;
        this.config = config;
    }

    /** Completes (never fails) once Redis answered, or after {@code vote.redis.timeout}. */
    public Uni<Void> remember(Receipt receipt, String voterId, String idempotencyKey) {
        String ttl = Long.toString(Math.max(1, config.ttl().toSeconds()));
        String body = write(receipt.body());
        List<Request> writes = new ArrayList<>(3);
        // NX: the first accepted vote keeps the slot; the ledger decides between racing ones anyway.
        writes.add(Request.cmd(Command.SET).arg(RedisKeys.votedIn(voterId, receipt.pollId())).arg(body)
                .arg("EX").arg(ttl).arg("NX"));
        if (idempotencyKey != null) {
            writes.add(Request.cmd(Command.SET).arg(RedisKeys.idempotency(voterId, idempotencyKey)).arg(body)
                    .arg("EX").arg(ttl));
        }
        Receipt.Pending pending = new Receipt.Pending(receipt.receiptId(), receipt.pollId(), receipt.optionId(),
                voterId, receipt.acceptedAt());
        writes.add(Request.cmd(Command.SET).arg(RedisKeys.receipt(receipt.receiptId())).arg(write(pending))
                .arg("EX").arg(ttl));
        return redis.batch(writes)
                .ifNoItem().after(config.timeout()).fail()
                .replaceWithVoid()
                .onFailure().recoverWithItem(failure -> {
                    LOG.debugf("receipt %s not cached in Redis: %s", receipt.receiptId(), failure.toString());
                    return null;
                });
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a receipt always serializes", e);
        }
    }
}
