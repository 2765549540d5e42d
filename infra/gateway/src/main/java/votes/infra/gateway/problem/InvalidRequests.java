package votes.infra.gateway.problem;

import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import votes.kit.problem.Problem;
import votes.kit.problem.ProblemType;

/**
 * What the gateway answers a request its HTTP parser refused (a header over the size limit, a request line too long,
 * a control character in a header value, a broken request line): problem+json like every other error of the API,
 * where Vert.x's default handler answered a bare 400/414/431 without a body, or closed the connection without a word.
 * The connection is closed after it: the parser cannot tell where the next request would start.
 */
public final class InvalidRequests implements Handler<HttpServerRequest> {

    @Override
    public void handle(HttpServerRequest request) {
        Problem problem = problemFor(request.decoderResult().cause());
        request.response().putHeader(HttpHeaders.CONNECTION, "close");
        ProblemReply.send(request.response(), problem, null);
    }

    static Problem problemFor(Throwable cause) {
        if (cause instanceof TooLongHttpHeaderException) {
            return Problem.of(ProblemType.HEADERS_TOO_LARGE, "the request's headers are over the gateway's limit");
        }
        if (cause instanceof TooLongHttpLineException) {
            return Problem.of(ProblemType.URI_TOO_LONG, "the request line is over the gateway's limit");
        }
        return Problem.of(ProblemType.MALFORMED_REQUEST, "the request is not valid HTTP/1.1"
                + (cause == null || cause.getMessage() == null ? "" : ": " + cause.getMessage()));
    }
}
