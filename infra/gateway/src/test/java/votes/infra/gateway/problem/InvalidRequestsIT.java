package votes.infra.gateway.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import votes.infra.gateway.RecordingUpstream;
import votes.infra.gateway.RunningGateway;

/**
 * Requests the gateway's HTTP parser refuses get problem+json, not Vert.x's bare status or a silently closed
 * connection (found by infra/system-tests' fuzz suite: a control character in Last-Event-ID), and reach no service.
 */
class InvalidRequestsIT {

    static RecordingUpstream ingest;
    static RecordingUpstream ledger;
    static RecordingUpstream realtime;
    static RunningGateway gateway;

    @BeforeAll
    static void start() throws Exception {
        ingest = RecordingUpstream.start();
        ledger = RecordingUpstream.start();
        realtime = RecordingUpstream.start();
        gateway = RunningGateway.start(ingest.port(), ledger.port(), realtime.port(), Map.of());
    }

    @AfterAll
    static void stop() {
        if (gateway != null) {
            gateway.close();
        }
        List.of(ingest, ledger, realtime).forEach(RecordingUpstream::close);
    }

    /** The status line says HTTP/1.0 when the parser could not read the client's version. */
    private static String send(String requestLine, String headers) throws Exception {
        return RecordingUpstream.exchange("127.0.0.1", gateway.port(), requestLine + "\r\nHost: localhost\r\n"
                + "Connection: close\r\n" + headers + "\r\n");
    }

    @Test
    void aControlCharacterInAHeaderValueIs400Problem() throws Exception {
        String answer = send("GET /api/v1/polls/p-1/results/stream HTTP/1.1", "Last-Event-ID: \u000f}\t\r\n");

        assertThat(answer).matches("(?s)HTTP/1\\.[01] 400 .*").containsIgnoringCase("Content-Type: application/problem+json")
                .contains("\"type\":\"https://votes.dev/problems/malformed-request\"", "\"status\":400");
        assertThat(realtime.seen()).isEmpty();
    }

    @Test
    void headersOverTheLimitAre431Problem() throws Exception {
        String answer = send("POST /api/v1/polls/p-1/votes HTTP/1.1", "X-Junk: " + "j".repeat(64 * 1024) + "\r\n");

        assertThat(answer).matches("(?s)HTTP/1\\.[01] 431 .*").containsIgnoringCase("Content-Type: application/problem+json")
                .contains("\"type\":\"https://votes.dev/problems/headers-too-large\"", "\"status\":431");
        assertThat(ingest.seen()).isEmpty();
    }

    @Test
    void aRequestLineOverTheLimitIs414Problem() throws Exception {
        String answer = send("GET /api/v1/polls/" + "p".repeat(16 * 1024) + " HTTP/1.1", "");

        assertThat(answer).matches("(?s)HTTP/1\\.[01] 414 .*").containsIgnoringCase("Content-Type: application/problem+json")
                .contains("\"type\":\"https://votes.dev/problems/uri-too-long\"", "\"status\":414");
        assertThat(ledger.seen()).isEmpty();
    }

    @Test
    void aRequestLineThatIsNoHttpIs400Problem() throws Exception {
        String answer = send("GET /api/v1/polls HTTP/1.1 junk", "");

        assertThat(answer).matches("(?s)HTTP/1\\.[01] 400 .*").containsIgnoringCase("Content-Type: application/problem+json")
                .contains("\"type\":\"https://votes.dev/problems/malformed-request\"");
        assertThat(ledger.seen()).isEmpty();
    }
}
