package votes.perf.load;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.RequestOptions;

/**
 * What request i of a run is (method, URI, headers, body) and which status answers it as expected. The open-model
 * generator ({@link LoadRunner}) is the same for every kind of request; only this differs.
 */
public interface RequestShape {

    /** Method, URI and headers of request i (the worker adds the per-request idle timeout). */
    RequestOptions options(long i);

    /** The body of request i, or null for none. */
    Buffer body(long i);

    /** The status that counts as answered as expected (202 for a vote, 200 for a read). */
    int expectedStatus();

    /** How many distinct requests the shape has (a vote per (poll, voter) pair; reads are unbounded). */
    long capacity();
}
