package votes.realtime.stream;

/** The {@code Last-Event-ID} a reconnecting EventSource sends: the version it saw last. */
final class LastEventId {

    static final long NONE = -1;

    private LastEventId() {
    }

    /** @return the version, or {@link #NONE} when absent or not a version of ours (then the client gets the current state) */
    static long parse(String header) {
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
