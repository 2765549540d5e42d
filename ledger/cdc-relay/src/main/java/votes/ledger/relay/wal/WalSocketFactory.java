package votes.ledger.relay.wal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import javax.net.SocketFactory;

/**
 * The sockets pgjdbc opens for the relay ({@code driver.socketFactory}): plain sockets whose reads answer
 * pgjdbc's "is a message pending?" probe from the bytes received, waiting up to the probe wait for the first
 * ({@link ProbingSocket}). Named by class in {@code cdc-relay.properties}; pgjdbc instantiates it with the string
 * constructor, passing {@code driver.socketFactoryArg}: the probe wait in milliseconds.
 */
public final class WalSocketFactory extends SocketFactory {

    /**
     * The longest probe wait taken. The probe holds pgjdbc's connection lock while it waits, and Debezium fails the
     * connector when confirming an LSN takes {@code lsn.flush.timeout.ms} (30 s by default): a wait stays far below.
     */
    static final int MAX_PROBE_WAIT_MS = 5_000;

    private final int probeWaitMs;

    /** {@code probeWaitMs}: pgjdbc's {@code socketFactoryArg}; absent (null) or 0 answers a probe at once. */
    public WalSocketFactory(String probeWaitMs) {
        this.probeWaitMs = parseProbeWait(probeWaitMs);
    }

    static int parseProbeWait(String value) {
        if (value == null || value.isBlank()) {
            return 0;
        }
        try {
            int wait = Integer.parseInt(value.trim());
            if (wait >= 0 && wait <= MAX_PROBE_WAIT_MS) {
                return wait;
            }
        } catch (NumberFormatException e) {
            // reported below, with the value
        }
        throw new IllegalArgumentException("driver.socketFactoryArg (RELAY_WAL_PROBE_WAIT_MS) must be a number of "
                + "milliseconds from 0 to " + MAX_PROBE_WAIT_MS + ", got '" + value + "'");
    }

    @Override
    public Socket createSocket() {
        return new ProbingSocket(probeWaitMs);
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return connected(new InetSocketAddress(host, port), null);
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return connected(new InetSocketAddress(host, port), new InetSocketAddress(localHost, localPort));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return connected(new InetSocketAddress(host, port), null);
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
            throws IOException {
        return connected(new InetSocketAddress(address, port), new InetSocketAddress(localAddress, localPort));
    }

    private Socket connected(InetSocketAddress remote, InetSocketAddress local) throws IOException {
        Socket socket = new ProbingSocket(probeWaitMs);
        try {
            if (local != null) {
                socket.bind(local);
            }
            socket.connect(remote);
            return socket;
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }
}
