package votes.ledger.poll;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import votes.ledger.look.NextLook;

/**
 * A poll whose {@code closes_at} passes is final without waiting for anyone: the ledger closes the polls that are due
 * ({@link PollStore#closesDue}) exactly as an admin's close does ({@link PollClosing}: closed at the deadline, a
 * checkpoint, {@code PollClosed} appended once the broker takes it). The same pass appends the close of a poll an
 * admin closed while poll-events was down. Idempotent: closing again keeps the first {@code closedAt}, and the fold of
 * a repeated {@code PollClosed} changes nothing, so several ledger instances may look at once.
 *
 * <p>When to look: when the next thing falls due, by the database's clock ({@link PollStore#millisToNextDue}), and
 * when a poll with an earlier deadline arrives ({@link #pollKnown}); at the latest every {@code max-wait}, which also
 * finds what another instance left (an admin's close on it whose append failed). An idle ledger used to ask the
 * database every second for nothing. Runs on the reactive pool from a Vert.x timer; one warning per outage, retried
 * every {@code retry}.
 */
@ApplicationScoped
public class PollDeadlines {

    private static final Logger LOG = Logger.getLogger(PollDeadlines.class);

    private final PollStore store;
    private final PollClosing closing;
    private final Duration maxWait;
    private final Duration retry;
    private final Duration settle;
    private final int batch;
    private final boolean rebuild;
    private final boolean on;
    private final Counter closed;
    private final AtomicBoolean ticking = new AtomicBoolean();
    private final AtomicBoolean failing = new AtomicBoolean();
    private final NextLook next;

    PollDeadlines(PollStore store, PollClosing closing, Vertx vertx, MeterRegistry registry,
                  @ConfigProperty(name = "ledger.poll-deadline.max-wait") Duration maxWait,
                  @ConfigProperty(name = "ledger.poll-deadline.retry") Duration retry,
                  @ConfigProperty(name = "ledger.poll-deadline.settle") Duration settle,
                  @ConfigProperty(name = "ledger.poll-deadline.batch") int batch,
                  @ConfigProperty(name = "ledger.rebuild") boolean rebuild) {
        this.rebuild = rebuild;
        this.store = store;
        this.closing = closing;
        this.next = new NextLook(vertx, this::tick);
        this.maxWait = maxWait;
        this.retry = retry;
        this.settle = settle;
        this.batch = batch;
        // A rebuild appends nothing to the log: the closes it needs are in poll-events already.
        this.on = !rebuild && !maxWait.isZero() && !maxWait.isNegative();
        this.closed = Counter.builder("ledger_polls_closed_at_deadline_total")
                .description("Closes the deadline timer appended to poll-events").register(registry);
    }

    void start(@Observes StartupEvent startup) {
        if (!on) {
            LOG.infof("poll deadlines: off (%s)", rebuild ? "a rebuild" : "ledger.poll-deadline.max-wait " + maxWait);
            return;
        }
        next.within(0);
    }

    void stop(@Observes ShutdownEvent shutdown) {
        next.stop();
    }

    /** A poll with this deadline is in the polls table now: look at it when it falls due, if that is sooner. */
    public void pollKnown(Instant closesAt) {
        if (on && closesAt != null) {
            next.within(closesAt.toEpochMilli() - System.currentTimeMillis());
        }
    }

    /** One pass over the due polls, then the next look; a pass still running when a timer fires is not doubled. */
    void tick() {
        if (!ticking.compareAndSet(false, true)) {
            return; // the running pass arms the next look when it ends
        }
        closeDue().call(count -> store.millisToNextDue(settle).invoke(this::lookWhenDue))
                .subscribe().with(count -> {
                    ticking.set(false);
                    if (failing.compareAndSet(true, false)) {
                        LOG.info("poll deadlines: closing due polls again");
                    }
                }, failure -> {
                    ticking.set(false);
                    if (failing.compareAndSet(false, true)) {
                        LOG.warnf("poll deadlines: cannot close due polls now (retrying every %s): %s", retry,
                                failure);
                    }
                    next.within(retry.toMillis());
                });
    }

    private void lookWhenDue(Long millisToNextDue) {
        next.within(nextLookMillis(millisToNextDue, maxWait));
    }

    /**
     * @param millisToNextDue from {@link PollStore#millisToNextDue}: null when nothing will fall due
     * @return how long to wait before the next pass: until the next due, at most {@code maxWait}
     */
    static long nextLookMillis(Long millisToNextDue, Duration maxWait) {
        if (millisToNextDue == null) {
            return maxWait.toMillis();
        }
        return Math.min(Math.max(0, millisToNextDue), maxWait.toMillis());
    }

    /** @return how many polls this pass closed and appended */
    public Uni<Integer> closeDue() {
        return store.closesDue(settle, batch)
                .onItem().transformToMulti(due -> Multi.createFrom().iterable(due))
                .onItem().transformToUniAndConcatenate(pollId -> closing.close(pollId)
                        .invoke(poll -> {
                            closed.increment();
                            LOG.infof("poll %s closed at its deadline %s", pollId, poll == null ? "?" : poll.closedAt());
                        }))
                .collect().asList()
                .map(List::size);
    }
}
