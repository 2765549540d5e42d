package votes.ledger.poll;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import votes.events.id.EventIds;
import votes.events.poll.Poll;
import votes.events.poll.PollClosed;
import votes.ledger.checkpoint.CheckpointPublisher;

/**
 * Closing a poll, whoever asks (an admin, or the deadline timer): the ledger fixes {@code closedAt} first
 * ({@link PollStore#close}), publishes a checkpoint (it covers every vote the poll recorded until the close; one
 * submitted before it but delivered late is covered by a later checkpoint), appends {@code PollClosed} and, once the
 * broker acknowledged it, notes that the log holds the close. If the append fails the poll is closed in the ledger
 * but not yet in the log; a retry (the admin's, or the timer's next tick) re-appends the same {@code closedAt}.
 */
@ApplicationScoped
public class PollClosing {

    private static final Logger LOG = Logger.getLogger(PollClosing.class);

    private final PollStore store;
    private final PollLog log;
    private final CheckpointPublisher checkpoints;

    PollClosing(PollStore store, PollLog log, CheckpointPublisher checkpoints) {
        this.store = store;
        this.log = log;
        this.checkpoints = checkpoints;
    }

    /**
     * @return the poll as closed, or a null item when there is no such poll; fails when poll-events did not take the
     *         close (the poll stays closed in the ledger)
     */
    public Uni<Poll> close(String pollId) {
        return store.close(pollId)
                .onItem().ifNotNull().call(poll -> finalCheckpoint(pollId))
                .onItem().ifNotNull().call(poll -> log.append(PollClosed.of(EventIds.next(), pollId, poll.closedAt())))
                .onItem().ifNotNull().call(poll -> store.closeLogged(pollId));
    }

    /**
     * The checkpoint that certifies everything the poll recorded, published once the close committed. A failure
     * does not undo or fail the close: the next periodic checkpoint covers the same votes, and a retried close
     * publishes again.
     */
    private Uni<Void> finalCheckpoint(String pollId) {
        return checkpoints.publishNow().replaceWithVoid()
                .onFailure().recoverWithUni(failure -> {
                    LOG.warnf("no checkpoint after closing %s: %s", pollId, failure.toString());
                    return Uni.createFrom().voidItem();
                });
    }
}
