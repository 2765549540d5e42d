package votes.infra.gateway.stream;

/**
 * The {@code Last-Event-ID} a reconnecting EventSource sends, read as realtime reads it (realtime's own
 * {@code LastEventId}; the gateway cannot depend on the realtime module): the version the viewer saw last.
 */
final class LastEventId {

    static final long NONE = -1;

    private LastEventId() {
    }

    /** @return the version, or {@link #NONE} when absent or not a version (then the viewer gets the current state) */
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
