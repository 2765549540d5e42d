package votes.ledger.receipt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.value.ReactiveValueCommands;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Receipts ingest issued but the ledger has not decided yet: Redis {@code receipt:<id>}, written by ingest after
 * Kafka's ack. Only a courtesy: Redis down, slow or wiped means "not found here", never an error.
 */
@ApplicationScoped
public class AcceptedReceipts {

    private static final Logger LOG = Logger.getLogger(AcceptedReceipts.class);

    private final ReactiveValueCommands<String, String> values;
    private final ObjectMapper json;
    private final Duration timeout;

    AcceptedReceipts(ReactiveRedisDataSource redis, ObjectMapper json,
                     @ConfigProperty(name = "ledger.redis.timeout") Duration timeout) {
        this.values = redis.value(String.class, String.class);
        this.json = json;
        this.timeout = timeout;
    }

    /** @return the accepted receipt, or null when Redis has none or cannot answer in time */
    public Uni<Receipt> find(UUID receiptId) {
        return Uni.createFrom().deferred(() -> values.get("receipt:" + receiptId))
                .ifNoItem().after(timeout).fail()
                .map(stored -> stored == null ? null : parse(receiptId, stored))
                .onFailure().recoverWithItem(failure -> {
                    LOG.debugf("no accepted-receipt lookup for %s: %s", receiptId, failure.toString());
                    return null;
                });
    }

    private Receipt parse(UUID receiptId, String stored) {
        try {
            JsonNode node = json.readTree(stored);
            String acceptedAt = node.path("acceptedAt").asText(null);
            return new Receipt(receiptId, node.path("pollId").asText(null), node.path("optionId").asText(null),
                    node.path("voterId").asText(null), Receipt.Status.ACCEPTED, null,
                    acceptedAt == null ? null : Instant.parse(acceptedAt), null, null, null);
        } catch (Exception e) {
            LOG.warnf("unreadable receipt:%s in Redis: %s", receiptId, e.toString());
            return null;
        }
    }
}
