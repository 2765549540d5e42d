package votes.ledger.receipt;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.value.ReactiveValueCommands;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import votes.events.codec.EventCodec;
import votes.events.codec.EventCodecException;
import votes.events.receipt.PendingReceipt;

/**
 * Receipts ingest issued but the ledger has not decided yet: Redis {@code receipt:<id>}, written by ingest after
 * Kafka's ack. Only a courtesy: Redis down, slow or wiped means "not found here", never an error.
 */
@ApplicationScoped
public class AcceptedReceipts {

    private static final Logger LOG = Logger.getLogger(AcceptedReceipts.class);

    private final ReactiveValueCommands<String, String> values;
    private final Duration timeout;

    AcceptedReceipts(ReactiveRedisDataSource redis, @ConfigProperty(name = "ledger.redis.timeout") Duration timeout) {
        this.values = redis.value(String.class, String.class);
        this.timeout = timeout;
    }

    /** @return the accepted receipt, or null when Redis has none or cannot answer in time */
    public Uni<Receipt> find(UUID receiptId) {
        return Uni.createFrom().deferred(() -> values.get(PendingReceipt.key(receiptId)))
                .ifNoItem().after(timeout).fail()
                .map(stored -> stored == null ? null : parse(receiptId, stored))
                .onFailure().recoverWithItem(failure -> {
                    LOG.debugf("no accepted-receipt lookup for %s: %s", receiptId, failure.toString());
                    return null;
                });
    }

    private Receipt parse(UUID receiptId, String stored) {
        try {
            PendingReceipt pending = EventCodec.decodePendingReceipt(stored);
            return new Receipt(receiptId, pending.pollId(), pending.optionId(), pending.voterId(),
                    Receipt.Status.ACCEPTED, null, pending.acceptedAt(), null, null, null);
        } catch (EventCodecException e) {
            LOG.warnf("unreadable receipt:%s in Redis: %s", receiptId, e.toString());
            return null;
        }
    }
}
