package votes.infra.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StackPortsTest {

    @Test
    void portsChosenTogetherDifferFromEachOtherAndFromThoseTaken() throws IOException {
        try (ServerSocket bound = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Set<Integer> taken = Set.of(bound.getLocalPort(), 1);
            // Many rounds: one pick after another comes back equal now and then, which is what this must rule out.
            for (int round = 0; round < 200; round++) {
                List<Integer> ports = StackPorts.freePorts(3, taken);
                assertThat(ports).hasSize(3).doesNotHaveDuplicates().doesNotContainAnyElementsOf(taken);
            }
        }
    }

    @Test
    void everyPortChosenCanBeBound() throws IOException {
        List<Integer> ports = StackPorts.freePorts(2, Set.of());
        Set<ServerSocket> sockets = new HashSet<>();
        try {
            for (int port : ports) {
                sockets.add(new ServerSocket(port, 1, InetAddress.getLoopbackAddress()));
            }
            assertThat(sockets).hasSize(2);
        } finally {
            for (ServerSocket socket : sockets) {
                socket.close();
            }
        }
    }
}
