package votes.ledger.relay.wal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** On a loopback TCP connection: the probe's answers, and every other read left to the socket. */
class ProbingSocketTest {

    private static final int BLOCKING_READ_TIMEOUT_MS = 10_000;
    private static final int SHORT_PROBE_WAIT_MS = 100;
    private static final int QUIET_FOR_THE_WHOLE_TEST_MS = 600_000;

    private ServerSocket server;
    private Socket client;
    private Socket peer;

    @BeforeEach
    void connect() throws IOException {
        server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        connectWithProbeWait(null);
    }

    /** Replaces the connection by one whose factory got {@code probeWait} as pgjdbc's socketFactoryArg. */
    private void connectWithProbeWait(String probeWait) throws IOException {
        if (client != null) {
            client.close();
            peer.close();
        }
        client = new WalSocketFactory(probeWait).createSocket(InetAddress.getLoopbackAddress(), server.getLocalPort());
        peer = server.accept();
    }

    private CompletableFuture<Integer> readAsync() {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return client.getInputStream().read();
            } catch (IOException e) {
                throw new CompletionException(e);
            }
        });
    }

    @AfterEach
    void close() throws IOException {
        client.close();
        peer.close();
        server.close();
    }

    @Test
    void aProbeWithNothingReceivedIsToldNothingIsPendingWithoutAStackTrace() throws IOException {
        client.setSoTimeout(ProbingSocket.PROBE_TIMEOUT_MS);

        assertThatThrownBy(() -> client.getInputStream().read(new byte[8], 0, 8))
                .isInstanceOf(SocketTimeoutException.class)
                .satisfies(e -> assertThat(e.getStackTrace()).isEmpty());
    }

    @Test
    void aProbeWithAByteReceivedReadsIt() throws IOException {
        peer.getOutputStream().write(42);
        peer.getOutputStream().flush();
        InputStream input = client.getInputStream();
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> input.available() > 0);
        client.setSoTimeout(ProbingSocket.PROBE_TIMEOUT_MS);

        assertThat(input.read()).isEqualTo(42);
    }

    @Test
    void aProbeGivenAWaitReturnsTheFirstByteAsSoonAsItArrives() throws Exception {
        connectWithProbeWait(ProbeWait.MAX_WAIT_MS + ",0");
        client.setSoTimeout(ProbingSocket.PROBE_TIMEOUT_MS);
        CompletableFuture<Integer> read = readAsync();
        Awaitility.await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(5)).until(() -> !read.isDone());

        peer.getOutputStream().write(9);
        peer.getOutputStream().flush();

        assertThat(read.get(5, TimeUnit.SECONDS)).isEqualTo(9);
        assertThat(client.getSoTimeout()).as("the probe's own timeout, for pgjdbc to restore").isEqualTo(1);
    }

    @Test
    void aProbeGivenAWaitWithNothingArrivingIsToldNothingIsPendingWithoutAStackTrace() throws Exception {
        connectWithProbeWait(SHORT_PROBE_WAIT_MS + ",0");
        client.setSoTimeout(ProbingSocket.PROBE_TIMEOUT_MS);

        assertThatThrownBy(() -> readAsync().get(10, TimeUnit.SECONDS))
                .hasCauseInstanceOf(SocketTimeoutException.class)
                .satisfies(e -> assertThat(e.getCause().getStackTrace()).isEmpty());
        assertThat(client.getSoTimeout()).isEqualTo(ProbingSocket.PROBE_TIMEOUT_MS);
    }

    @Test
    void aProbeSoonAfterBytesArrivedIsAnsweredAtOnceWhateverTheWait() throws Exception {
        connectWithProbeWait(ProbeWait.MAX_WAIT_MS + "," + QUIET_FOR_THE_WHOLE_TEST_MS);
        peer.getOutputStream().write(5);
        peer.getOutputStream().flush();
        assertThat(client.getInputStream().read()).isEqualTo(5);
        client.setSoTimeout(ProbingSocket.PROBE_TIMEOUT_MS);

        // Well inside the probe wait: a probe that waited would still be waiting here.
        assertThatThrownBy(() -> readAsync().get(ProbeWait.MAX_WAIT_MS / 2, TimeUnit.MILLISECONDS))
                .hasCauseInstanceOf(SocketTimeoutException.class);
    }

    @Test
    void theArgumentIsWaitAndQuietInMillisecondsAndAbsentMeansNeverWait() {
        assertThat(ProbeWait.parse(null)).isEqualTo(ProbeWait.NONE);
        assertThat(ProbeWait.parse(" 200 , 250 ")).isEqualTo(new ProbeWait(200, 250));
        assertThatThrownBy(() -> ProbeWait.parse("-1,250"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("RELAY_WAL_PROBE_WAIT_MS");
        assertThatThrownBy(() -> ProbeWait.parse((ProbeWait.MAX_WAIT_MS + 1) + ",0"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("from 0 to 5000");
        assertThatThrownBy(() -> ProbeWait.parse("200"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'200'");
        assertThatThrownBy(() -> ProbeWait.parse("soon,later"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("\"wait,quiet\"");
    }

    @Test
    void aReadUnderAnyOtherTimeoutWaitsForTheBytesAsAPlainSocketDoes() throws Exception {
        client.setSoTimeout(BLOCKING_READ_TIMEOUT_MS);
        CompletableFuture<Integer> read = readAsync();
        Awaitility.await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(5)).until(() -> !read.isDone());

        OutputStream out = peer.getOutputStream();
        out.write(7);
        out.flush();

        assertThat(read.get(10, TimeUnit.SECONDS)).isEqualTo(7);
    }
}
