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
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * A poll whose {@code closes_at} passes is final without waiting for anyone: every {@code ledger.poll-deadline.interval}
 * the ledger closes the polls that are due ({@link PollStore#closesDue}) exactly as an admin's close does
 * ({@link PollClosing}: closed at the deadline, a checkpoint, {@code PollClosed} appended once the broker takes it).
 * The same tick appends the close of a poll an admin closed while poll-events was down. Idempotent: closing again
 * keeps the first {@code closedAt}, and the fold of a repeated {@code PollClosed} changes nothing, so several ledger
 * instances may tick at once. Runs on the reactive pool from a Vert.x timer; one warning per outage.
 */
@ApplicationScoped
public class PollDeadlines {

    private static final Logger LOG = Logger.getLogger(PollDeadlines.class);

    private final PollStore store;
    private final PollClosing closing;
    private final Vertx vertx;
    private final Duration interval;
    private final Duration settle;
    private final int batch;
    private final boolean rebuild;
    private final Counter closed;
    private final AtomicBoolean ticking = new AtomicBoolean();
    private final AtomicBoolean failing = new AtomicBoolean();
    private volatile long timerId = -1;

    PollDeadlines(PollStore store, PollClosing closing, Vertx vertx, MeterRegistry registry,
                  @ConfigProperty(name = "ledger.poll-deadline.interval") Duration interval,
                  @ConfigProperty(name = "ledger.poll-deadline.settle") Duration settle,
                  @ConfigProperty(name = "ledger.poll-deadline.batch") int batch,
                  @ConfigProperty(name = "ledger.rebuild") boolean rebuild) {
        this.store = store;
        this.closing = closing;
        this.vertx = vertx;
        this.interval = interval;
        this.settle = settle;
        this.batch = batch;
        this.rebuild = rebuild;
        this.closed = Counter.builder("ledger_polls_closed_at_deadline_total")
                .description("Closes the deadline timer appended to poll-events").register(registry);
    }

    void start(@Observes StartupEvent startup) {
        if (rebuild || interval.isZero() || interval.isNegative()) {
            // A rebuild appends nothing to the log: the closes it needs are in poll-events already.
            LOG.infof("poll deadlines: off (%s)", rebuild ? "a rebuild" : "ledger.poll-deadline.interval " + interval);
            return;
        }
        timerId = vertx.setPeriodic(interval.toMillis(), id -> tick());
    }

    void stop(@Observes ShutdownEvent shutdown) {
        if (timerId >= 0) {
            vertx.cancelTimer(timerId);
        }
    }

    /** One pass over the due polls; a tick still running when the next fires is not doubled. */
    void tick() {
        if (!ticking.compareAndSet(false, true)) {
            return;
        }
        closeDue().subscribe().with(count -> {
            ticking.set(false);
            if (failing.compareAndSet(true, false)) {
                LOG.info("poll deadlines: closing due polls again");
            }
        }, failure -> {
            ticking.set(false);
            if (failing.compareAndSet(false, true)) {
                LOG.warnf("poll deadlines: cannot close due polls now (retrying every %s): %s", interval, failure);
            }
        });
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
                .map(java.util.List::size);
    }
}
