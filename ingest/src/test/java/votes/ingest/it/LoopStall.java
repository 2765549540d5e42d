package votes.ingest.it;

import static io.restassured.RestAssured.given;

import io.restassured.response.Response;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
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

    /** A vote that holds its loop for {@code millis}, sent once the call returns (its stall has begun). */
    CompletableFuture<Response> vote(String pollId, String millis) throws InterruptedException {
        CountDownLatch began = new CountDownLatch(1);
        stalling = began;
        CompletableFuture<Response> vote = CompletableFuture.supplyAsync(() -> given()
                .header("Authorization", "Bearer " + IngestFixture.token("stalled-" + UUID.randomUUID()))
                .header(HEADER, millis).contentType("application/json").body(IngestFixture.body("b"))
                .post("/api/v1/polls/{pollId}/votes", pollId));
        if (!began.await(IngestFixture.PATIENCE.toSeconds(), TimeUnit.SECONDS)) {
            throw new AssertionError("the stall did not begin");
        }
        return vote;
    }
}
