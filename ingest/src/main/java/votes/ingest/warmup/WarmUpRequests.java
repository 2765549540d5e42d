package votes.ingest.warmup;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.util.concurrent.CompletionStage;
import votes.kit.identity.TokenCheckWarmUp;

/**
 * The warm-up's requests to this instance's own HTTP port, shaped as the gateway forwards a vote (a JSON body, a bearer
 * token, the client's address in X-Forwarded-For), for the warm-up's poll. Their token is one the token check refuses at
 * the RSA verification ({@link TokenCheckWarmUp#refusedToken}), so each runs what the in-process votes skip: the HTTP
 * server, the router's filters, the REST layer, the bearer-token check, and a 401 problem on its way out. Nothing behind
 * the check runs: no limit, no Redis, no log.
 */
final class WarmUpRequests {

    static final String PATH = "/api/v1/polls/" + WarmUpVotes.POLL_ID + "/votes";
    private static final String LOOPBACK = "127.0.0.1";

    private final HttpClient client;
    private final int port;
    private final TokenCheckWarmUp tokens;
    private final Buffer body = Buffer.buffer(WarmUpVotes.body());

    /** @param connections as many as the requests in progress at once, so that none waits for one */
    WarmUpRequests(Vertx vertx, int port, TokenCheckWarmUp tokens, int connections) {
        this.client = vertx.createHttpClient(new HttpClientOptions().setMaxPoolSize(connections).setKeepAlive(true));
        this.port = port;
        this.tokens = tokens;
    }

    /** Request i; completes with the answer's status. */
    CompletionStage<String> send(int i) {
        RequestOptions request = new RequestOptions().setMethod(HttpMethod.POST).setHost(LOOPBACK).setPort(port)
                .setURI(PATH)
                .putHeader("Content-Type", "application/json")
                .putHeader("User-Agent", WarmUpVotes.CLIENT)
                .putHeader("Accept-Language", "en")
                .putHeader("X-Device-Id", WarmUpVotes.voterId(i))
                .putHeader("X-Forwarded-For", WarmUpVotes.address(i));
        if (tokens.any()) {
            request.putHeader("Authorization", "Bearer " + tokens.refusedToken(i));
        }
        return client.request(request)
                .compose(sent -> sent.send(body))
                .compose(answer -> answer.body().map(ignored -> Integer.toString(answer.statusCode())))
                .toCompletionStage();
    }

    void close() {
        client.close();
    }
}
