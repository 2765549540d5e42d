package votes.ingest.poll;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;
import votes.events.poll.Poll;

/**
 * Finds a poll for a vote: from the log-fed cache, else from the ledger (the admin may have created it a
 * few milliseconds ago and our consumer lags), remembering a "no such poll" briefly so a flood of votes for
 * an unknown id does not become a flood of ledger requests. Likewise for a poll that exists: the votes that name it
 * while one question about it is out wait for that answer instead of asking again — a poll announced on air is
 * voted in by thousands in the instant before the log brings it here.
 */
@ApplicationScoped
public class PollDirectory {

    private static final Logger LOG = Logger.getLogger(PollDirectory.class);

    private final PollCache cache;
    private final LedgerPolls ledger;
    private final PollDirectoryConfig config;
    private final Clock clock;
    private final Map<String, Long> unknownUntil = new ConcurrentHashMap<>();
    private final Map<String, Uni<Optional<Poll>>> asking = new ConcurrentHashMap<>();

    public PollDirectory(PollCache cache, @RestClient LedgerPolls ledger, PollDirectoryConfig config) {
        this.cache = cache;
        this.ledger = ledger;
        this.config = config;
        this.clock = Clock.systemUTC();
    }

    public Uni<Optional<Poll>> find(String pollId) {
        Poll cached = cache.get(pollId);
        if (cached != null) {
            return Uni.createFrom().item(Optional.of(cached));
        }
        Long until = unknownUntil.get(pollId);
        long now = clock.millis();
        if (until != null && until > now) {
            return Uni.createFrom().item(Optional.empty());
        }
        Uni<Optional<Poll>> answer = asking.computeIfAbsent(pollId, id -> askLedger(id, now));
        // The answer arrives on the context of the vote that asked first: each vote goes on on its own.
        Context caller = Vertx.currentContext();
        return caller == null ? answer : answer.emitOn(task -> caller.runOnContext(ignored -> task.run()));
    }

    /** One request for everyone who asks until it is answered; the answer (learned or "unknown") then stands alone. */
    private Uni<Optional<Poll>> askLedger(String pollId, long now) {
        return ledger.get(pollId)
                .map(answer -> Optional.of(cache.learn(answer.toPoll(clock.instant()))))
                .onFailure().recoverWithItem(failure -> {
                    // 404 and an unreachable ledger alike: without a poll we cannot accept the vote.
                    LOG.debugf("poll %s not found at the ledger: %s", pollId, failure.toString());
                    rememberUnknown(pollId, now);
                    return Optional.empty();
                })
                .onTermination().invoke(() -> asking.remove(pollId))
                .memoize().indefinitely();
    }

    private void rememberUnknown(String pollId, long now) {
        if (unknownUntil.size() >= config.unknownMax()) {
            unknownUntil.clear(); // crude but bounded; entries only live for unknown-ttl anyway
        }
        unknownUntil.put(pollId, now + config.unknownTtl().toMillis());
    }
}
