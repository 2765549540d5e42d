package votes.infra.gateway;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ConnectionPoolTooBusyException;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyResponse;
import java.util.concurrent.atomic.LongAdder;
import votes.infra.gateway.problem.ProblemReply;
import votes.kit.problem.Problem;

/**
 * Turns an upstream the gateway cannot use into problem+json instead of the proxy's empty 502, so clients see one error format: 502 when it is
 * unreachable, 503 + Retry-After when every pooled connection to it is busy and the wait queue is full.
 */
final class ProblemOnFailure implements ProxyInterceptor {

    /** A full wait queue clears in well under a second at the services' latencies. */
    private static final String RETRY_AFTER_SECONDS = "1";

    private final String upstream;
    private final LongAdder unreachable = new LongAdder();
    private final LongAdder busy = new LongAdder();

    ProblemOnFailure(Upstream upstream) {
        this.upstream = upstream.name().toLowerCase();
    }

    long unreachable() {
        return unreachable.sum();
    }

    long busy() {
        return busy.sum();
    }

    @Override
    public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
        return context.sendRequest().recover(failure -> {
            boolean tooBusy = failure instanceof ConnectionPoolTooBusyException;
            (tooBusy ? busy : unreachable).increment();
            Problem problem = tooBusy ? ProblemReply.busy(upstream) : ProblemReply.unreachable(upstream);
            ProxyResponse response = context.request().response()
                    .setStatusCode(problem.status())
                    .setStatusMessage(problem.type().title())
                    .putHeader("Content-Type", Problem.MEDIA_TYPE)
                    .setBody(Body.body(Buffer.buffer(ProblemReply.json(problem))));
            if (tooBusy) {
                response.putHeader("Retry-After", RETRY_AFTER_SECONDS);
            }
            return Future.succeededFuture(response);
        });
    }
}
