package votes.audit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ConnectionsTest {

    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    @AfterEach
    void realEnvironment() {
        Connections.env = System.getenv();
    }

    private static Connections parse(String... args) {
        Connections c = new Connections();
        new CommandLine(c).parseArgs(args);
        return c;
    }

    @Test
    void libpqUrlsAsVoteEnvPrintsThemBecomeJdbcWithCredentials() {
        Connections.JdbcTarget t = parse("--pg-url", "postgresql://alice:s3cret@127.0.0.1:6543/votes").jdbc();

        assertThat(t).isEqualTo(new Connections.JdbcTarget("jdbc:postgresql://127.0.0.1:6543/votes", "alice", "s3cret",
                DEFAULT_TIMEOUT));
    }

    @Test
    void withNothingGivenTheAuditIsTheReadOnlyRoleAndSendsNoPublishedPassword() {
        Connections.env = Map.of();
        Connections.JdbcTarget t = parse().jdbc();

        assertThat(t.user()).isEqualTo("votes_reader");
        assertThat(t.password()).isNull();
    }

    @Test
    void pgVariablesAreTheFallbackAndTheStackTheDefault() {
        Connections.env = Map.of("PG_PORT", "7777", "PG_USER", "auditor");
        assertThat(parse().jdbc()).isEqualTo(new Connections.JdbcTarget("jdbc:postgresql://127.0.0.1:7777/votes", "auditor", null,
                DEFAULT_TIMEOUT));

        Connections.env = Map.of("PGURL", "postgresql://votes:votes@127.0.0.1:5433/votes", "CHECKPOINT_PUBLIC_KEY_FILE", "/k.pem");
        assertThat(parse().jdbc().url()).isEqualTo("jdbc:postgresql://127.0.0.1:5433/votes");
        assertThat(parse().publicKey()).hasToString("/k.pem");
    }

    @Test
    void theUrlsQueryParametersStaySoTlsSettingsAreNotDropped() {
        Connections.JdbcTarget t = parse("--pg-url", "postgresql://alice:s3cret@db.example:5432/votes?sslmode=verify-full",
                "--timeout", "5").jdbc();

        assertThat(t.url()).isEqualTo("jdbc:postgresql://db.example:5432/votes?sslmode=verify-full");
        assertThat(t.timeout()).isEqualTo(Duration.ofSeconds(5));
    }
}
