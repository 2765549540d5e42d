package votes.infra.gateway;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyResponse;

/**
 * Adds X-Forwarded-* (ingest hashes the client address for abuse defense) and turns an unreachable
 * upstream into a 502 problem+json instead of the proxy's empty 502, so clients see one error format.
 */
final class ProblemOnFailure implements ProxyInterceptor {

    private final Upstream upstream;

    ProblemOnFailure(Upstream upstream) {
        this.upstream = upstream;
    }

    @Override
    public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
        var proxied = context.request().proxiedRequest();
        var headers = context.request().headers();
        String client = proxied.remoteAddress() == null ? null : proxied.remoteAddress().hostAddress();
        if (client != null) {
            String prior = headers.get("X-Forwarded-For");
            headers.set("X-Forwarded-For", prior == null ? client : prior + ", " + client);
        }
        if (!headers.contains("X-Forwarded-Proto")) {
            headers.set("X-Forwarded-Proto", proxied.scheme() == null ? "http" : proxied.scheme());
        }
        if (!headers.contains("X-Forwarded-Host") && proxied.authority() != null) {
            headers.set("X-Forwarded-Host", proxied.authority().toString());
        }
        return context.sendRequest().recover(failure -> {
            String name = upstream.name().toLowerCase();
            String json = "{\"type\":\"https://votes.dev/problems/bad-gateway\",\"title\":\"Bad Gateway\","
                    + "\"status\":502,\"detail\":\"The " + name + " service is not reachable.\",\"upstream\":\""
                    + name + "\"}";
            ProxyResponse response = context.request().response()
                    .setStatusCode(502)
                    .setStatusMessage("Bad Gateway")
                    .putHeader("Content-Type", "application/problem+json")
                    .setBody(Body.body(Buffer.buffer(json)));
            return Future.succeededFuture(response);
        });
    }
}
