package votes.ledger.relay.wal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;

/**
 * A socket that answers pgjdbc's pending-message probe without waiting or a stack trace. On a replication
 * connection pgjdbc checks for a message before every non-blocking read by setting a 1 ms read timeout and
 * reading: with nothing there, the JDK waits the millisecond and throws a {@link SocketTimeoutException} with its
 * stack filled in, which pgjdbc catches as "nothing pending". Debezium's WAL reader probes five times before each
 * sleep of {@code poll.interval.ms}, whether rows flow or not: ~100 exceptions a second on an idle relay, most of
 * the reader thread's ~10 ms/s of CPU (perf/RESULTS.md, "Idle burn"). Here a read under exactly that probe timeout
 * with no byte received yet throws at once, and without a stack trace: the same answer pgjdbc gets after its
 * millisecond, minus the wait for bytes that might land inside it (the next probe, straight after, sees them).
 * Every other read, including the replication stream's own blocking reads, goes to the socket unchanged.
 */
final class ProbingSocket extends Socket {

    /** The read timeout pgjdbc's {@code PGStream.hasMessagePending} sets for its probe, and nothing else sets. */
    static final int PROBE_TIMEOUT_MS = 1;

    private InputStream input;
    /** Kept as pgjdbc sets it, so a read asks a field, not the socket's options, whether it is a probe. */
    private volatile boolean probing;

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

    /** The socket's input, where a probe read with nothing received is answered at once. */
    private final class ProbedInput extends FilterInputStream {

        ProbedInput(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            answerProbe();
            return in.read();
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            answerProbe();
            return in.read(buffer, offset, length);
        }

        private void answerProbe() throws IOException {
            if (probing && in.available() == 0) {
                throw new NothingPending();
            }
        }
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
