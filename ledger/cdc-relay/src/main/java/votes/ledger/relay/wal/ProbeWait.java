package votes.ledger.relay.wal;

/**
 * How the WAL socket's pending-message probe may wait for the next message ({@code driver.socketFactoryArg}, from
 * {@code RELAY_WAL_PROBE_WAIT_MS} and {@code RELAY_WAL_QUIET_MS} as {@code "wait,quiet"}): up to {@code waitMs} for
 * the first byte, but only once the stream has been quiet, nothing received, for {@code quietMs}.
 * <p>
 * Why the quiet period: a waiting probe holds pgjdbc's connection lock, and the engine confirms the batch's LSN on
 * that connection right after the relay has sent the batch (50–100 ms after its rows arrived), blocking the engine,
 * and so the next batch, until the wait ends. Within the quiet period the probe answers at once, as pgjdbc's does.
 */
record ProbeWait(int waitMs, int quietMs) {

    /**
     * The longest wait taken. Debezium fails the connector when confirming an LSN takes {@code lsn.flush.timeout.ms}
     * (30 s by default), and a waiting probe holds the lock that confirmation needs: a wait stays far below.
     */
    static final int MAX_WAIT_MS = 5_000;
    /** Answer every probe at once: the argument left out. */
    static final ProbeWait NONE = new ProbeWait(0, 0);

    static ProbeWait parse(String arg) {
        if (arg == null || arg.isBlank()) {
            return NONE;
        }
        String[] parts = arg.split(",", -1);
        if (parts.length == 2) {
            Integer wait = millis(parts[0], MAX_WAIT_MS);
            Integer quiet = millis(parts[1], Integer.MAX_VALUE);
            if (wait != null && quiet != null) {
                return new ProbeWait(wait, quiet);
            }
        }
        throw new IllegalArgumentException("driver.socketFactoryArg must be \"wait,quiet\" in milliseconds "
                + "(RELAY_WAL_PROBE_WAIT_MS from 0 to " + MAX_WAIT_MS + ", RELAY_WAL_QUIET_MS from 0), got '"
                + arg + "'");
    }

    private static Integer millis(String text, int max) {
        try {
            int value = Integer.parseInt(text.trim());
            return value >= 0 && value <= max ? value : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
