package votes.infra.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class PostgresConfigTest {

    @Test
    void serverListensOnLoopbackWithLogicalWalForCdc() {
        String conf = new PostgresConfig(15433, Path.of("/home/x/socket")).conf();
        assertThat(conf).contains("listen_addresses = '127.0.0.1'", "port = 15433",
                "unix_socket_directories = '/home/x/socket'", "wal_level = logical", "max_replication_slots = 10",
                "max_wal_senders = 10", "fsync = on");
    }

    @Test
    void durabilityIsNotTradedForSpeed() {
        assertThat(new PostgresConfig(1, Path.of("/s")).conf()).doesNotContain("synchronous_commit", "fsync = off");
    }

    @Test
    void tcpNeedsAScramPasswordIncludingReplication() {
        assertThat(PostgresConfig.hba())
                .contains("host    all             all             127.0.0.1/32            scram-sha-256")
                .contains("host    replication     all             127.0.0.1/32            scram-sha-256")
                .doesNotContain("0.0.0.0");
    }

    @Test
    void roleBootstrapIsIdempotentAndAllowsReplication() {
        assertThat(PostgresConfig.roleSql()).contains("IF NOT EXISTS", "LOGIN REPLICATION PASSWORD 'votes'");
    }
}
