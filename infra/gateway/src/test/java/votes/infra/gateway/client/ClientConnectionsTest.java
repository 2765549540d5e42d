package votes.infra.gateway.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ClientConnectionsTest {

    private final ClientConnections connections = new ClientConnections(
            new ClientLimits(5, 2, Duration.ofSeconds(30), Duration.ofSeconds(10)));

    @Test
    void anAddressOverItsCapIsRefusedWhileOthersAreAdmitted() {
        assertThat(connections.admit("127.0.0.2")).isEqualTo(Admission.ADMITTED);
        assertThat(connections.admit("127.0.0.2")).isEqualTo(Admission.ADMITTED);
        assertThat(connections.admit("127.0.0.2")).isEqualTo(Admission.CLIENT_OVER_CAP);
        assertThat(connections.admit("127.0.0.3")).isEqualTo(Admission.ADMITTED);
        assertThat(connections.open()).isEqualTo(3);
        assertThat(connections.openFrom("127.0.0.2")).isEqualTo(2);
        assertThat(connections.refused(Admission.CLIENT_OVER_CAP)).isEqualTo(1);
    }

    @Test
    void aReleasedConnectionFreesItsPlace() {
        connections.admit("127.0.0.2");
        connections.admit("127.0.0.2");
        connections.release("127.0.0.2");
        assertThat(connections.admit("127.0.0.2")).isEqualTo(Admission.ADMITTED);
        connections.release("127.0.0.2");
        connections.release("127.0.0.2");
        assertThat(connections.open()).isZero();
        assertThat(connections.openFrom("127.0.0.2")).isZero();
    }

    @Test
    void theTotalCapRefusesEveryoneOnceReached() {
        for (int i = 0; i < 5; i++) {
            assertThat(connections.admit("127.0.1." + i)).isEqualTo(Admission.ADMITTED);
        }
        assertThat(connections.admit("127.0.2.1")).isEqualTo(Admission.GATEWAY_FULL);
        assertThat(connections.open()).isEqualTo(5);
        assertThat(connections.openFrom("127.0.2.1")).isZero();
        assertThat(connections.refused(Admission.GATEWAY_FULL)).isEqualTo(1);
    }

    @Test
    void aRefusedConnectionIsNotCounted() {
        connections.admit("127.0.0.2");
        connections.admit("127.0.0.2");
        connections.admit("127.0.0.2");
        assertThat(connections.open()).isEqualTo(2);
    }

    @Test
    void aPerClientCapAboveTheTotalIsRefused() {
        assertThatThrownBy(() -> new ClientLimits(2, 3, Duration.ofSeconds(30), Duration.ofSeconds(10)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("GATEWAY_MAX_CONNECTIONS_PER_CLIENT");
    }
}
