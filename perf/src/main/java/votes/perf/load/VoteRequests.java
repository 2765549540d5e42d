package votes.perf.load;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.util.List;

/** Request i: the first vote of voter {@code i % voters} in poll {@code i / voters}, with that voter's token. */
final class VoteRequests implements RequestShape {

    private static final CharSequence AUTHORIZATION = HttpHeaders.createOptimized("Authorization");
    private static final CharSequence CONTENT_TYPE = HttpHeaders.createOptimized("Content-Type");
    private static final CharSequence JSON = HttpHeaders.createOptimized("application/json");

    private final List<String> bearerHeaders;
    private final Targets targets;
    private final Buffer body;

    VoteRequests(List<String> tokens, Targets targets, String optionId) {
        if (tokens.size() < targets.voters()) {
            throw new IllegalArgumentException(tokens.size() + " tokens for " + targets.voters() + " voters");
        }
        this.bearerHeaders = tokens.stream().map(t -> "Bearer " + t).toList();
        this.targets = targets;
        this.body = Buffer.buffer("{\"optionId\":\"" + optionId + "\"}");
    }

    @Override
    public RequestOptions options(long i) {
        return new RequestOptions().setMethod(HttpMethod.POST)
                .setURI("/api/v1/polls/" + targets.poll(i) + "/votes")
                .putHeader(AUTHORIZATION, bearerHeaders.get(targets.voter(i)))
                .putHeader(CONTENT_TYPE, JSON);
    }

    @Override
    public Buffer body(long i) {
        return body;
    }

    @Override
    public int expectedStatus() {
        return 202;
    }

    @Override
    public long capacity() {
        return targets.capacity();
    }
}
