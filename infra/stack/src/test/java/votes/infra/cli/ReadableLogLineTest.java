package votes.infra.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReadableLogLineTest {

    @Test
    void aServicesJsonLineReadsAsTimeLevelLoggerMessageAndItsIds() {
        String line = "{\"timestamp\":\"2026-11-30T15:00:27.488Z\",\"logger\":\"io.quarkus.http.access-log\",\"level\":\"INFO\","
                + "\"message\":\"method=POST status=202\",\"threadName\":\"vert.x-eventloop-thread-0\","
                + "\"mdc\":{\"request_id\":\"rid-1\",\"poll_id\":\"p-1\"},\"hostName\":\"vm\",\"service\":\"votes-ingest\"}";

        assertThat(ReadableLogLine.of(line)).isEqualTo("2026-11-30T15:00:27.488Z INFO  io.quarkus.http.access-log - "
                + "method=POST status=202 request_id=rid-1 poll_id=p-1");
    }

    @Test
    void theGatewaysAccessFieldsFollowTheMessageAndAStackTraceItsOwnLines() {
        String access = "{\"timestamp\":\"t\",\"level\":\"INFO\",\"logger\":\"access\",\"service\":\"gateway\","
                + "\"message\":\"GET /a 200\",\"status\":200,\"request_id\":\"r\"}";
        String failure = "{\"timestamp\":\"t\",\"level\":\"ERROR\",\"logger\":\"x\",\"message\":\"boom\","
                + "\"stackTrace\":\"java.lang.IllegalStateException: boom\\n\\tat x.y(Z.java:1)\\n\"}";

        assertThat(ReadableLogLine.of(access)).isEqualTo("t INFO  access - GET /a 200 status=200 request_id=r");
        assertThat(ReadableLogLine.of(failure)).isEqualTo("t ERROR x - boom" + System.lineSeparator()
                + "java.lang.IllegalStateException: boom\n\tat x.y(Z.java:1)");
    }

    @Test
    void otherLinesAndHalfLinesAreShownAsTheyAre() {
        assertThat(ReadableLogLine.of("[2026-11-30 15:00:00,000] INFO Kafka started")).isEqualTo(
                "[2026-11-30 15:00:00,000] INFO Kafka started");
        assertThat(ReadableLogLine.of("{\"timestamp\":\"t\",\"lev")).isEqualTo("{\"timestamp\":\"t\",\"lev");
        assertThat(ReadableLogLine.of("{\"no\":\"message\"}")).isEqualTo("{\"no\":\"message\"}");
    }
}
