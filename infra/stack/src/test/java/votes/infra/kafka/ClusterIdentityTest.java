package votes.infra.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import votes.infra.stack.StackException;
import votes.infra.stack.StackSettings;

class ClusterIdentityTest {

    @TempDir
    Path home;

    private StackSettings settings() {
        return StackSettings.fromEnv(Map.of("VOTE_HOME", home.toString()), Path.of("/repo"));
    }

    @Test
    void aNewHomeRunsOneBrokerUnlessAskedForMore() {
        assertThat(ClusterIdentity.brokers(settings(), OptionalInt.empty())).isEqualTo(1);
        assertThat(ClusterIdentity.brokers(settings(), OptionalInt.of(3))).isEqualTo(3);
    }

    @Test
    void theCountAHomeWasFormattedWithIsKeptForLaterCommands() {
        ClusterIdentity first = ClusterIdentity.settle(settings().withBrokers(3));

        assertThat(ClusterIdentity.brokers(settings(), OptionalInt.empty())).isEqualTo(3);
        assertThat(ClusterIdentity.settle(settings().withBrokers(3))).isEqualTo(first);
        assertThat(first.clusterId()).hasSize(22);
    }

    @Test
    void anotherCountOnExistingDataIsRefusedWithTheWayOut() {
        ClusterIdentity.settle(settings().withBrokers(3));

        assertThatThrownBy(() -> ClusterIdentity.brokers(settings(), OptionalInt.of(1)))
                .isInstanceOf(StackException.class)
                .hasMessageContaining("formatted as 3 broker(s), not 1").hasMessageContaining("--brokers 3")
                .hasMessageContaining("rm -rf " + home.resolve("data") + "/kafka*");
        assertThatThrownBy(() -> ClusterIdentity.settle(settings().withBrokers(1))).isInstanceOf(StackException.class);
    }

    @Test
    void aHomeFromBeforeTheCountWasRecordedIsOneBrokerWithItsOwnClusterId() throws Exception {
        Path meta = home.resolve("data/kafka/log/meta.properties");
        Files.createDirectories(meta.getParent());
        Files.writeString(meta, "version=1\ncluster.id=AAAAAAAAAAAAAAAAAAAAAA\nnode.id=1\n");

        assertThat(ClusterIdentity.brokers(settings(), OptionalInt.empty())).isEqualTo(1);
        assertThatThrownBy(() -> ClusterIdentity.brokers(settings(), OptionalInt.of(3)))
                .hasMessageContaining("formatted as 1 broker(s)").hasMessageContaining("(no --brokers)");
        assertThat(ClusterIdentity.settle(settings())).isEqualTo(new ClusterIdentity(1, "AAAAAAAAAAAAAAAAAAAAAA"));
    }
}
