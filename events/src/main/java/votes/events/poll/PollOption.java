package votes.events.poll;

import java.util.Objects;

/** One choice on a poll's ballot: a stable id voters send and a label people read. */
public record PollOption(String id, String label) {
    public PollOption {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(label, "label");
    }
}
