package votes.ledger.relay.wal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;

/**
 * A socket that answers pgjdbc's pending-message probe without a stack trace, and can wait in it for the next
 * message instead of having the WAL reader sleep. On a replication connection pgjdbc checks for a message before
 * every non-blocking read by setting a 1 ms read timeout and reading: with nothing there, the JDK waits the
 * millisecond and throws a {@link SocketTimeoutException} with its stack filled in, which pgjdbc catches as "nothing
 * pending". Debezium's WAL reader probes five times before each sleep of {@code poll.interval.ms}, whether rows flow
 * or not: ~100 probes and 20 wake-ups a second on an idle relay (perf/RESULTS.md, "Idle burn").
 * <p>
 * Here a probe with no byte received yet waits for one as {@link ProbeWait} allows: up to its wait, once the stream
 * has been quiet for its quiet period (else, or with a wait of 0, not at all), and with none throws a stack-less
 * "nothing pending". After a quiet spell the reader so wakes when the WAL sends, not on its sleep's schedule (a change
 * read as it arrives instead of up to a poll interval later), and an idle reader wakes every five waits plus one
 * sleep, not twenty times a second. The price is pgjdbc's connection lock, which the probe holds while it waits: a
 * stop from another thread waits up to the wait, unless a message ends it sooner.
 * Every other read, including the replication stream's own blocking reads, goes to the socket unchanged.
 */
final class ProbingSocket extends Socket {

    /** The read timeout pgjdbc's {@code PGStream.hasMessagePending} sets for its probe, and nothing else sets. */
    static final int PROBE_TIMEOUT_MS = 1;

    private static final long NANOS_PER_MILLI = 1_000_000L;

    private final ProbeWait probeWait;
    private InputStream input;
    /** Kept as pgjdbc sets it, so a read asks a field, not the socket's options, whether it is a probe. */
    private volatile boolean probing;
    /** When a read last returned bytes ({@link System#nanoTime}); the socket's creation before the first. */
    private volatile long lastReceivedNanos = System.nanoTime();

    ProbingSocket(ProbeWait probeWait) {
        this.probeWait = probeWait;
    }

    @Override
    public synchronized void setSoTimeout(int timeout) throws SocketException {
        super.setSoTimeout(timeout);
        probing = timeout == PROBE_TIMEOUT_MS;
    }

    @Override
    public synchronized InputStream getInputStream() throws IOException {
        if (input == null) {
            input = new ProbedInput(super.getInputStream());
        }
        return input;
    }

    /** The socket's input, where a probe read with nothing received may wait ({@link ProbeWait}). */
    private final class ProbedInput extends FilterInputStream {

        ProbedInput(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int read = probeWithNothingReceived() ? waited(in::read) : in.read();
            if (read >= 0) {
                lastReceivedNanos = System.nanoTime();
            }
            return read;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int read = probeWithNothingReceived()
                    ? waited(() -> in.read(buffer, offset, length))
                    : in.read(buffer, offset, length);
            if (read > 0) {
                lastReceivedNanos = System.nanoTime();
            }
            return read;
        }

        private boolean probeWithNothingReceived() throws IOException {
            return probing && in.available() == 0;
        }

        /** The probe's read, given up to the probe wait for its first byte if quiet; with none, "nothing pending". */
        private int waited(SocketRead read) throws IOException {
            long quietNanos = System.nanoTime() - lastReceivedNanos;
            if (probeWait.waitMs() == 0 || quietNanos < probeWait.quietMs() * NANOS_PER_MILLI) {
                throw new NothingPending();
            }
            ProbingSocket.super.setSoTimeout(probeWait.waitMs());
            try {
                return read.read();
            } catch (SocketTimeoutException e) {
                throw new NothingPending();
            } finally {
                ProbingSocket.super.setSoTimeout(PROBE_TIMEOUT_MS);
            }
        }
    }

    @FunctionalInterface
    private interface SocketRead {
        int read() throws IOException;
    }

    /** pgjdbc's "no message yet": caught by the probe, so the stack trace would only be paid for, never read. */
    static final class NothingPending extends SocketTimeoutException {

        private static final long serialVersionUID = 1L;

        NothingPending() {
            super("no message pending (probe answered from the bytes received)");
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }
    }
}
