package votes.ingest.it;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.CountDownLatch;
import votes.ingest.vote.ConcurrencyGate;
import votes.ingest.vote.VoteResource;

/**
 * Test only: a vote carrying {@value #HEADER} keeps its event loop busy that many milliseconds right after the
 * concurrency gate admitted it, as a cold JVM or a saturated core would, and says when it started. Without the
 * header it does nothing, so it sits harmlessly in every ingest test app.
 */
@ApplicationScoped
public class LoopStall {

    static final String HEADER = "X-Test-Stall-Millis";

    private volatile CountDownLatch stalling = new CountDownLatch(1);

    void install(@Observes Router router) {
        router.post(VoteResource.ROUTE).order(ConcurrencyGate.ORDER + 1).handler(context -> {
            String millis = context.request().getHeader(HEADER);
            if (millis != null) {
                stalling.countDown();
                long until = System.nanoTime() + Long.parseLong(millis) * 1_000_000L;
                while (System.nanoTime() < until) {
                    Thread.onSpinWait();
                }
            }
            context.next();
        });
    }

    /** A latch the next stall counts down. */
    CountDownLatch next() {
        stalling = new CountDownLatch(1);
        return stalling;
    }
}
