package votes.events.stream;

/**
 * The {@code Last-Event-ID} a reconnecting EventSource sends: the tally version it saw last (a results stream's
 * {@code id:} is the version). Read the same way by realtime, which serves the stream, and by the gateway, which
 * relays it: one wire format across two processes.
 */
public final class LastEventId {

    /** The request header an EventSource resumes with. */
    public static final String HEADER = "Last-Event-ID";

    /** No version seen: the client gets the current state first. */
    public static final long NONE = -1;

    private LastEventId() {
    }

    /**
     * @return the version, or {@link #NONE} when absent or not a version of ours (then the client gets the current
     *     state)
     */
    public static long parse(String header) {
        if (header == null || header.isBlank()) {
            return NONE;
        }
        try {
            long version = Long.parseLong(header.trim());
            return version < 0 ? NONE : version;
        } catch (NumberFormatException e) {
            return NONE;
        }
    }
}
