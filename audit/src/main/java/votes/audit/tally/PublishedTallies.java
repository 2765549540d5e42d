package votes.audit.tally;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import votes.events.codec.EventCodec;
import votes.events.codec.EventCodecException;

/**
 * The latest value per poll of {@code vote-tallies} (compacted; Tally JSON of CONTRACT-issue3:
 * {@code {"pollId","options":[{"optionId","votes"}],"totalVotes","version",…}}), folded record by record in
 * offset order. A tombstone removes the poll.
 */
public final class PublishedTallies {

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
            tally = EventCodec.fromJson(new String(value, StandardCharsets.UTF_8), JsonNode.class);
        } catch (EventCodecException e) {
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

    /** Records that are no JSON: skipped (the report says how many; a tally they hid shows as a difference). */
    public long undecodable() {
        return undecodable;
    }
}
