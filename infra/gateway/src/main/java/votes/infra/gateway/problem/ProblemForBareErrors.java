package votes.infra.gateway.problem;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.streams.ReadStream;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyResponse;
import votes.kit.problem.Problem;
import votes.kit.problem.ProblemType;

/**
 * An error a service's HTTP layer answered before our code ran (Vert.x refusing a request-target with raw non-ASCII
 * bytes, a chunked body over Quarkus's limit: a bare status, no body) leaves the gateway as the API's problem+json of
 * that status, so a client under /api sees one error format (found by infra/system-tests' fuzz suite). Answers that
 * are problem+json already, pages outside /api and statuses without a problem type pass untouched.
 */
public final class ProblemForBareErrors implements ProxyInterceptor {

    private final String upstream;

    public ProblemForBareErrors(String upstream) {
        this.upstream = upstream;
    }

    @Override
    public Future<Void> handleProxyResponse(ProxyContext context) {
        ProxyResponse response = context.response();
        String path = context.request().getURI();
        if (context.request().getMethod() != HttpMethod.HEAD
                && needsProblem(path, response.getStatusCode(), response.headers().get(HttpHeaders.CONTENT_TYPE))) {
            discard(response.getBody());
            Problem problem = Problem.of(ProblemType.forStatus(response.getStatusCode()),
                    "the " + upstream + " service refused the request before reading it");
            response.headers().remove(HttpHeaders.CONTENT_LENGTH).remove(HttpHeaders.TRANSFER_ENCODING);
            response.putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .setBody(Body.body(Buffer.buffer(ProblemReply.json(problem))));
        }
        return context.sendResponse();
    }

    /** An /api error whose status has a problem type but whose body is not a problem. */
    static boolean needsProblem(String uri, int status, String contentType) {
        boolean api = uri.equals("/api") || uri.startsWith("/api/") || uri.startsWith("/api?");
        return api && status >= 400 && ProblemType.forStatus(status).status() == status
                && (contentType == null || !contentType.startsWith(Problem.MEDIA_TYPE));
    }

    /** The upstream's own (empty or HTML) body is read to its end, so its pooled connection is free again. */
    private static void discard(Body body) {
        ReadStream<Buffer> stream = body == null ? null : body.stream();
        if (stream != null) {
            stream.handler(ignored -> { }).endHandler(ignored -> { }).resume();
        }
    }
}
