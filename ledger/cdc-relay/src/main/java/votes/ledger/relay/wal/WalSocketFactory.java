package votes.ledger.relay.wal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import javax.net.SocketFactory;

/**
 * The sockets pgjdbc opens for the relay ({@code driver.socketFactory}): plain sockets whose reads answer
 * pgjdbc's "is a message pending?" probe from the bytes received, waiting for the first as {@link ProbeWait} allows
 * ({@link ProbingSocket}). Named by class in {@code cdc-relay.properties}; pgjdbc instantiates it with the string
 * constructor, passing {@code driver.socketFactoryArg}.
 */
public final class WalSocketFactory extends SocketFactory {

    private final ProbeWait probeWait;

    /** {@code probeWait}: pgjdbc's {@code socketFactoryArg}, {@code "wait,quiet"} ms; absent (null): never waits. */
    public WalSocketFactory(String probeWait) {
        this.probeWait = ProbeWait.parse(probeWait);
    }

    @Override
    public Socket createSocket() {
        return new ProbingSocket(probeWait);
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
        Socket socket = new ProbingSocket(probeWait);
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
