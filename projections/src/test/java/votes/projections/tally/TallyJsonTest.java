package votes.projections.tally;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import votes.projections.streams.Json;
import votes.projections.streams.JsonSerde;

class TallyJsonTest {

    @Test
    void tallyIsWrittenWithTheContractsFieldNames() throws Exception {
        Tally tally = new Tally("p1", "Fruit", List.of(new TallyOption("a", "Apples", 2)), 2, 7,
                Instant.parse("2026-03-01T10:00:00.123Z"), true);

        JsonNode json = Json.MAPPER.readTree(JsonSerde.of(Tally.class).serializer().serialize("vote-tallies", tally));

        assertThat(json.fieldNames()).toIterable().containsExactlyInAnyOrder(
                "pollId", "title", "options", "totalVotes", "version", "asOf", "final");
        assertThat(json.get("final").asBoolean()).isTrue();
        assertThat(json.get("asOf").asText()).isEqualTo("2026-03-01T10:00:00.123Z");
        assertThat(json.get("options").get(0).fieldNames()).toIterable()
                .containsExactly("optionId", "label", "votes");
        assertThat(JsonSerde.of(Tally.class).deserializer().deserialize("vote-tallies",
                Json.MAPPER.writeValueAsBytes(tally))).isEqualTo(tally);
    }
}
