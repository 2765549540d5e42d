package votes.audit.tally;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The latest value per poll of {@code vote-tallies} (compacted; Tally JSON of CONTRACT-issue3:
 * {@code {"pollId","options":[{"optionId","votes"}],"totalVotes","version",…}}), folded record by record in
 * offset order. A tombstone removes the poll.
 */
public final class PublishedTallies {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, Map<String, Long>> tallies = new HashMap<>();
    private long undecodable;

    public void accept(byte[] key, byte[] value) {
        String keyText = key == null ? null : new String(key, StandardCharsets.UTF_8);
        if (value == null) {
            if (keyText != null) {
                tallies.remove(keyText);
            }
            return;
        }
        JsonNode tally;
        try {
            tally = JSON.readTree(value);
        } catch (IOException e) {
            undecodable++;
            return;
        }
        String pollId = tally.path("pollId").asText(keyText);
        Map<String, Long> options = new HashMap<>();
        for (JsonNode option : tally.path("options")) {
            options.put(option.path("optionId").asText(), option.path("votes").asLong());
        }
        tallies.put(pollId, options);
    }

    public Map<String, Map<String, Long>> tallies() {
        return tallies;
    }

    public long undecodable() {
        return undecodable;
    }
}
