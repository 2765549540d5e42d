package votes.perf.load;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.util.List;

/** Request i: {@code GET /api/v1/polls/{poll}/results}, round robin over the polls; 200 expected. */
public final class ResultsRequests implements RequestShape {

    private final List<String> polls;

    public ResultsRequests(List<String> polls) {
        if (polls.isEmpty()) {
            throw new IllegalArgumentException("no poll to read results of");
        }
        this.polls = List.copyOf(polls);
    }

    @Override
    public RequestOptions options(long i) {
        return new RequestOptions().setMethod(HttpMethod.GET)
                .setURI("/api/v1/polls/" + polls.get((int) (i % polls.size())) + "/results");
    }

    @Override
    public Buffer body(long i) {
        return null;
    }

    @Override
    public int expectedStatus() {
        return 200;
    }

    @Override
    public long capacity() {
        return Long.MAX_VALUE;
    }
}
