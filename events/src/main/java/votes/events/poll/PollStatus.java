package votes.events.poll;

import java.util.Locale;

/** Where a poll stands at a given instant. */
public enum PollStatus {
    SCHEDULED, OPEN, CLOSED;

    /** The lower-case word the HTTP API uses. */
    public String slug() {
        return name().toLowerCase(Locale.ROOT);
    }
}
