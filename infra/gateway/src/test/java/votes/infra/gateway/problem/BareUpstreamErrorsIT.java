package votes.infra.gateway.problem;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import votes.infra.gateway.RecordingUpstream;
import votes.infra.gateway.RunningGateway;

/**
 * A service's bare error (what Vert.x answers before Quarkus's routes run: a status, no body) leaves the gateway as
 * problem+json of the same status under /api; pages keep theirs. Found by infra/system-tests' fuzz suite: a raw
 * non-ASCII byte in the path got a bare 400 from the ledger through the gateway.
 */
class BareUpstreamErrorsIT {

    static HttpServer bareLedger;
    static RecordingUpstream ingest;
    static RecordingUpstream realtime;
    static RunningGateway gateway;

    @BeforeAll
    static void start() throws Exception {
        bareLedger = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        bareLedger.createContext("/", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "text/plain");
            byte[] body = "Bad Request".getBytes();
            exchange.sendResponseHeaders(400, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        bareLedger.start();
        ingest = RecordingUpstream.start();
        realtime = RecordingUpstream.start();
        gateway = RunningGateway.start(ingest.port(), bareLedger.getAddress().getPort(), realtime.port(), Map.of());
    }

    @AfterAll
    static void stop() {
        if (gateway != null) {
            gateway.close();
        }
        bareLedger.stop(0);
        List.of(ingest, realtime).forEach(RecordingUpstream::close);
    }

    @Test
    void aBareApiErrorBecomesTheProblemOfItsStatus() throws Exception {
        var answer = gateway.get("/api/v1/polls/p-1");

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(answer.body()).contains("\"type\":\"https://votes.dev/problems/malformed-request\"", "\"status\":400",
                "the ledger service refused the request");
    }

    @Test
    void theNextRequestOnThePooledConnectionIsAnsweredToo() throws Exception {
        for (int i = 0; i < 5; i++) {
            assertThat(gateway.get("/api/v1/checkpoints/latest").statusCode()).isEqualTo(400);
        }
    }
}
