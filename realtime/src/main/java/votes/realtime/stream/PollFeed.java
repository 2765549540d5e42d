package votes.realtime.stream;

import io.vertx.core.Vertx;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.LongSupplier;
import votes.events.stream.SseFrame;
import votes.events.tally.Tally;

/**
 * One poll's broadcast: the latest tally, its clients, and the one coalescing timer the poll needs (not
 * one per client). A publication renders the frame once and offers it to every client.
 */
final class PollFeed {

    private final Vertx vertx;
    private final Function<Tally, SseFrame> render;
    private final LongSupplier clock;
    private final Coalescer coalescer;
    private final Set<SseClient> clients = ConcurrentHashMap.newKeySet();
    private Tally latest;
    private SseFrame rendered;

    PollFeed(Vertx vertx, Function<Tally, SseFrame> render, LongSupplier clock, long intervalNanos) {
        this.vertx = vertx;
        this.render = render;
        this.clock = clock;
        this.coalescer = new Coalescer(intervalNanos);
    }

    synchronized void changed(Tally tally) {
        if (latest != null && !tally.isNewerThan(latest)) {
            return;
        }
        latest = tally;
        long delay = coalescer.changed(clock.getAsLong());
        if (delay == 0) {
            publish();
        } else if (delay > 0) {
            long millis = Math.max(1, TimeUnit.NANOSECONDS.toMillis(delay + 999_999));
            vertx.setTimer(millis, id -> timerFired());
        }
    }

    private synchronized void timerFired() {
        if (coalescer.timerFired()) {
            publish();
        }
    }

    private void publish() {
        SseFrame event = current();
        coalescer.published(clock.getAsLong());
        for (SseClient client : clients) {
            client.offer(event);
        }
    }

    /** The newest state, even one the coalescer holds back: a new client starts from the very latest. */
    private synchronized SseFrame current() {
        if (latest == null) {
            return null;
        }
        if (rendered == null || rendered.version() != latest.version()) {
            rendered = render.apply(latest);
        }
        return rendered;
    }

    void join(SseClient client) {
        clients.add(client);
        SseFrame now = current();
        if (now != null) {
            client.offer(now); // the cursor drops it if the client's Last-Event-ID already covers it
        }
    }

    void leave(SseClient client) {
        clients.remove(client);
    }

    Set<SseClient> clients() {
        return clients;
    }
}
