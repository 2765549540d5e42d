package votes.infra.gateway.log;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AccessLineTest {

    private static final Instant AT = Instant.parse("2026-11-30T15:00:00Z");

    @Test
    void aLineIsOneJsonObjectWithTheServicesFieldsAndTheRequestsOwn() {
        String text = new AccessLine("POST", "/api/v1/polls/p-1/votes", 202, 12, 345, "127.0.0.5", "rid-7",
                Optional.of("4bf92f3577b34da6a3ce929d0e0e4736"), false).toJson(AT).encode();

        assertThat(text).doesNotContain("\n");
        JsonObject line = new JsonObject(text);
        assertThat(line.getString("timestamp")).isEqualTo("2026-11-30T15:00:00Z");
        assertThat(line.getString("level")).isEqualTo("INFO");
        assertThat(line.getString("logger")).isEqualTo("access");
        assertThat(line.getString("service")).isEqualTo("gateway");
        assertThat(line.getString("method")).isEqualTo("POST");
        assertThat(line.getString("path")).isEqualTo("/api/v1/polls/p-1/votes");
        assertThat(line.getInteger("status")).isEqualTo(202);
        assertThat(line.getLong("duration_ms")).isEqualTo(12);
        assertThat(line.getLong("bytes")).isEqualTo(345);
        assertThat(line.getString("remote")).isEqualTo("127.0.0.5");
        assertThat(line.getString("request_id")).isEqualTo("rid-7");
        assertThat(line.getString("trace_id")).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(line.containsKey("client_left")).isFalse();
    }

    @Test
    void withoutATraceTheFieldIsAbsentAndAClientThatLeftIsSaid() {
        JsonObject line = new AccessLine("GET", "/api/v1/polls/p-1/results/stream", 200, 60_000, 9_000, "127.0.0.1",
                "rid-8", Optional.empty(), true).toJson(AT);

        assertThat(line.containsKey("trace_id")).isFalse();
        assertThat(line.getBoolean("client_left")).isTrue();
    }

    @Test
    void quotesAndControlCharactersInAPathStayInsideTheirString() {
        String text = new AccessLine("GET", "/a\"b\nc", 404, 1, 0, "127.0.0.1", "r", Optional.empty(), false)
                .toJson(AT).encode();

        assertThat(text).doesNotContain("\n");
        assertThat(new JsonObject(text).getString("path")).isEqualTo("/a\"b\nc");
    }
}
