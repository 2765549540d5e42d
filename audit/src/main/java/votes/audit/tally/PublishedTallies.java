package votes.audit.tally;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import votes.events.codec.EventCodec;
import votes.events.codec.EventCodecException;
import votes.events.tally.Tally;
import votes.events.tally.TallyOption;

/**
 * The latest value per poll of {@code vote-tallies} (compacted; a {@link Tally} read with the contract's codec,
 * the same one projections writes it with), folded record by record in offset order. A tombstone removes the
 * poll.
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
        Tally tally;
        try {
            tally = EventCodec.decodeTally(value);
        } catch (EventCodecException e) {
            undecodable++;
            return;
        }
        String pollId = tally.pollId() != null ? tally.pollId() : keyText;
        Map<String, Long> options = new HashMap<>();
        for (TallyOption option : tally.options()) {
            options.put(Objects.requireNonNullElse(option.optionId(), ""), option.votes());
        }
        tallies.put(pollId, options);
    }

    public Map<String, Map<String, Long>> tallies() {
        return tallies;
    }

    /** Records that are no tally: skipped (the report says how many; a tally they hid shows as a difference). */
    public long undecodable() {
        return undecodable;
    }
}
