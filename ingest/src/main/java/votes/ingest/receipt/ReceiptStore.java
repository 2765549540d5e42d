package votes.ingest.receipt;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;
import votes.events.codec.EventCodec;
import votes.events.receipt.AcceptedReceipt;
import votes.events.receipt.PendingReceipt;
import votes.ingest.bot.AcceptedList;
import votes.ingest.bot.AcceptedVote;
import votes.ingest.bot.HandedOver;
import votes.ingest.bot.HistoryKeys;
import votes.ingest.fastpath.FastPathConfig;
import votes.ingest.fastpath.FastPathScripts;
import votes.ingest.fastpath.LoopRedis;
import votes.ingest.fastpath.RedisKeys;
import votes.ingest.fastpath.Reservation;

/**
 * The receipt's keys in Redis once the fast path reserved the voter's slot: after the broker's ack, the slot
 * becomes the accepted vote (long TTL), the Idempotency-Key's answer and the pending receipt the ledger shows
 * until it records the vote are written; when the vote is refused or the append fails, the reservation is
 * released. Best effort both ways: losing these writes costs a later duplicate a trip to the ledger, and a
 * reservation that is never released expires by itself ({@code vote.redis.reservation-ttl}).
 */
@ApplicationScoped
public class ReceiptStore {

    private static final Logger LOG = Logger.getLogger(ReceiptStore.class);
    // KEYS[2] must be a key of the voter's slot even when there is no Idempotency-Key to write.
    private static final String NO_IDEMPOTENCY_KEY = "-";

    private final LoopRedis redis;
    private final FastPathConfig config;

    public ReceiptStore(LoopRedis redis, FastPathConfig config) {
        this.redis = redis;
        this.config = config;
    }

    /** The claim the fast path makes for this receipt; the same value is compared when settling or releasing. */
    public Reservation reservation(AcceptedReceipt receipt, String voterId) {
        return new Reservation(voterId, receipt, EventCodec.encode(receipt));
    }

    /**
     * After the ack. Completes (never fails) once Redis answered, or after {@code vote.redis.timeout}, with the votes
     * the lists handed over (see {@link AcceptedList}; none when Redis did not answer).
     *
     * @param lists   the accepted-vote lists the vote joins or hands over (empty: none, the bot defence is off)
     * @param options the option tallies the vote is counted in, or null (the bot defence keeps none)
     */
    public Uni<List<HandedOver>> remember(Reservation reservation, String idempotencyKey, List<AcceptedList> lists,
                                          HistoryKeys.OptionKeys options) {
        String ttl = Long.toString(Math.max(1, config.ttl().toSeconds()));
        AcceptedReceipt receipt = reservation.receipt();
        List<String> keys = new ArrayList<>(2 + lists.size());
        keys.add(reservation.slotKey());
        keys.add(RedisKeys.idempotency(reservation.voterId(), idempotencyKey == null ? NO_IDEMPOTENCY_KEY : idempotencyKey));
        List<String> args = new ArrayList<>(6 + 3 * lists.size());
        args.addAll(List.of(reservation.value(), ttl, idempotencyKey == null ? "0" : "1",
                new AcceptedVote(receipt.receiptId(), receipt.pollId()).entry(),
                options == null ? "" : options.optionId(), options == null ? "0" : Long.toString(options.ttlMillis())));
        if (options != null) {
            keys.addAll(List.of(options.pollKey(), options.prefixKey()));
        }
        for (AcceptedList list : lists) {
            keys.add(list.key());
            args.addAll(List.of(Long.toString(list.cap()), Long.toString(list.lifeMillis()),
                    list.handOver() ? "handover" : "push"));
        }
        PendingReceipt pending = PendingReceipt.of(receipt, reservation.voterId());
        // Not inside the script: receipt:<id> is not hash-tagged by voter, so on a Redis Cluster it would live on
        // another node. Sent right behind it on the same connection: one round trip for the two, shared with the
        // other votes the loop settles in the same turn (the producer acks a batch of votes at once).
        Request pendingReceipt = Request.cmd(Command.SET).arg(pending.key()).arg(EventCodec.encode(pending))
                .arg("EX").arg(ttl);
        return redis.runThen(FastPathScripts.SETTLE, keys, args, pendingReceipt)
                .map(response -> handedOver(response, lists))
                .ifNoItem().after(config.timeout()).fail()
                .onFailure().recoverWithItem(failure -> {
                    LOG.debugf("receipt %s not cached in Redis: %s", receipt.receiptId(), failure.toString());
                    return List.of();
                });
    }

    /** settle.lua's answer: pairs of (the list's number, from 1; the vote's entry). */
    private static List<HandedOver> handedOver(Response response, List<AcceptedList> lists) {
        int size = response == null ? 0 : response.size();
        List<HandedOver> votes = new ArrayList<>(size / 2);
        for (int i = 0; i + 1 < size; i += 2) {
            votes.add(new HandedOver(lists.get(response.get(i).toInteger() - 1),
                    AcceptedVote.parse(response.get(i + 1).toString())));
        }
        return votes;
    }

    /** The vote was refused or not appended: free the slot if it still holds this reservation. Never fails. */
    public Uni<Void> release(Reservation reservation) {
        return bounded(redis.run(FastPathScripts.RELEASE, List.of(reservation.slotKey()),
                        List.of(reservation.value())).replaceWithVoid(),
                "reservation for " + reservation.receipt().receiptId() + " not released (it expires by itself)");
    }

    private Uni<Void> bounded(Uni<Void> write, String whenSkipped) {
        return write.ifNoItem().after(config.timeout()).fail()
                .onFailure().recoverWithItem(failure -> {
                    LOG.debugf("%s: %s", whenSkipped, failure.toString());
                    return null;
                });
    }
}
