package votes.ingest.fastpath;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.impl.ContextInternal;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;
import java.util.ArrayList;
import java.util.List;

/**
 * The script calls one event loop makes in one turn, written to Redis together when the turn's tasks are done: one
 * pooled connection, one write, one read of all the replies. Why: a vote is settled after the broker's ack, and the
 * producer acks a whole batch of votes at once (its linger), so the acks reach each loop together; and a loop that
 * reads several requests in one turn checks them together. Sent one by one, every call took a connection of its own
 * and Redis read and answered each alone (perf/RESULTS.md, "The fast path's calls pipelined per event loop"). No
 * wait is added: the flush is a task queued behind the work the loop already has. Only touched from its loop's
 * thread.
 *
 * <p>Each call's answer is given on the context it was made from (a request's own, where its trace and request
 * scope live), on the loop's thread, not on the loop's context that sent the batch.
 *
 * <p>A pipeline is not a transaction: each call runs as it would alone. Vert.x fails a batch as a whole when any
 * command in it fails; every call of that batch then fails, and each caller goes on as when Redis did not answer,
 * after one retry with the scripts' sources when Redis lost its script cache (NOSCRIPT).
 */
final class LoopPipeline {

    private final Context loop;
    private final Redis client;
    private List<Call> waiting = new ArrayList<>();

    LoopPipeline(Context loop, Redis client) {
        this.loop = loop;
        this.client = client;
    }

    /**
     * The script, then {@code next} (if not null) right behind it, in this turn's pipeline. Subscribe on the loop's
     * thread.
     *
     * @return the script's reply; fails when the batch it went in failed
     */
    Uni<Response> runThen(RedisScript script, List<String> keys, List<String> args, Request next) {
        return Uni.createFrom().emitter(answer -> {
            if (!(Vertx.currentContext() instanceof ContextInternal caller)) {
                throw new IllegalStateException("a loop's pipeline is called on its loop, never off a Vert.x context");
            }
            if (waiting.isEmpty()) {
                loop.runOnContext(ignored -> flush());
            }
            waiting.add(new Call(script, keys, args, next, caller, answer));
        });
    }

    private void flush() {
        List<Call> calls = waiting;
        waiting = new ArrayList<>();
        RedisScript.withSourceOnNoScript(withSource -> client.batch(requests(calls, withSource)))
                .subscribe().with(replies -> {
                    int reply = 0;
                    for (Call call : calls) {
                        call.answer(replies.get(reply));
                        reply += call.next() == null ? 1 : 2;
                    }
                }, failure -> calls.forEach(call -> call.fail(failure)));
    }

    private static List<Request> requests(List<Call> calls, boolean withSource) {
        List<Request> requests = new ArrayList<>(2 * calls.size());
        for (Call call : calls) {
            requests.add(call.script().request(withSource, call.keys(), call.args()));
            if (call.next() != null) {
                requests.add(call.next());
            }
        }
        return requests;
    }

    /** @param caller the context the call was made from, where its answer is given */
    private record Call(RedisScript script, List<String> keys, List<String> args, Request next,
                        ContextInternal caller, UniEmitter<? super Response> emitter) {

        void answer(Response reply) {
            caller.emit(reply, emitter::complete);
        }

        void fail(Throwable failure) {
            caller.emit(failure, emitter::fail);
        }
    }
}
