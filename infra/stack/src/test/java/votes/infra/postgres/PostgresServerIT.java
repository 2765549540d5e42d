package votes.infra.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import votes.infra.launcher.LocalStack;
import votes.infra.postgres.role.DatabaseRole;
import votes.infra.stack.Component;
import votes.infra.stack.Detached;
import votes.infra.stack.StackException;
import votes.infra.stack.StackSettings;

/**
 * The launcher's PostgreSQL, as ./vote up starts it, on free ports under target/: initdb'd with SCRAM (even the
 * bootstrap's superuser needs its password), and an older home that trusted its local socket upgraded at start.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PostgresServerIT {

    private static final String OLD_HBA = String.join("\n",
            "# Written by votes-infra.",
            "local   all             all                                     trust",
            "local   replication     all                                     trust",
            "host    all             all             127.0.0.1/32            scram-sha-256",
            "host    replication     all             127.0.0.1/32            scram-sha-256",
            "");

    static StackSettings settings;
    static Component postgres;

    @BeforeAll
    static void start() {
        Path home = Path.of("target", "pg-auth-" + ProcessHandle.current().pid()).toAbsolutePath();
        settings = StackSettings.ephemeral(home, StackSettings.findRepoRoot(Path.of("")));
        postgres = new LocalStack(settings, note -> System.err.println("[pg-auth] " + note)).require("postgres");
        postgres.start();
    }

    @AfterAll
    static void stop() {
        postgres.stop();
    }

    @Test
    @Order(1)
    void theLocalSocketRefusesPsqlWithoutThePasswordOrWithAWrongOneAndTakesTheGeneratedOne() {
        assertThat(psql(Map.of()).output()).contains("no password supplied");
        assertThat(psql(Map.of()).exitCode()).isEqualTo(2);
        assertThat(psql(Map.of("PGPASSWORD", "votes")).output())
                .contains("password authentication failed for user \"postgres\"");
        String superuser = settings.pgLogin(DatabaseRole.SUPERUSER).password();
        Detached.Finished right = psql(Map.of("PGPASSWORD", superuser));
        assertThat(right.exitCode()).as(right.output()).isZero();
        assertThat(right.output().strip()).isEqualTo("1");
    }

    @Test
    @Order(2)
    void anOlderHomeThatTrustedTheSocketIsUpgradedOnStartAndSaysSo() throws Exception {
        Path hba = settings.dataDir("postgres").resolve("pgdata/pg_hba.conf");
        // A stack from before issue 10: a trusted socket and a superuser without a password.
        Psql.of(settings, settings.logFile("pg-auth-it")).query("postgres", "ALTER ROLE postgres PASSWORD NULL");
        Files.writeString(hba, OLD_HBA);
        postgres.stop();

        String outcome = postgres.start();

        assertThat(outcome).contains("pg_hba.conf upgraded from trust to scram-sha-256",
                "passwords set for postgres, votes, votes_ledger, votes_relay, votes_reader");
        assertThat(Files.readString(hba)).doesNotContain("trust");
        assertThat(psql(Map.of()).output()).contains("no password supplied");
        assertThat(psql(Map.of("PGPASSWORD", settings.pgLogin(DatabaseRole.SUPERUSER).password())).exitCode())
                .isZero();
        assertThat(postgres.start()).doesNotContain("upgraded");
    }

    @Test
    @Order(3)
    void aSuperuserPasswordFileThatNoLongerMatchesTheDataFolderStopsTheStartNamingTheFile() throws Exception {
        Path secret = settings.secretsDir().resolve(DatabaseRole.SUPERUSER.secretName());
        String kept = Files.readString(secret);
        postgres.stop();
        Files.writeString(secret, "not-the-password-initdb-was-given");
        try {
            assertThatThrownBy(postgres::start).isInstanceOf(StackException.class)
                    .hasMessageContaining(secret + " is not the password this data folder was set up with");
        } finally {
            Files.writeString(secret, kept);
            postgres.stop();
        }
        assertThat(postgres.start()).startsWith("up on");
    }

    /** psql over the stack's socket as the superuser, no password file, whatever PGPASSWORD says. */
    private static Detached.Finished psql(Map<String, String> env) {
        PostgresBinaries bins = PostgresBinaries.locate().orElseThrow();
        Map<String, String> vars = new java.util.HashMap<>(Map.of("PGPASSFILE", "/dev/null", "PGPASSWORD", ""));
        vars.putAll(env);
        if (vars.get("PGPASSWORD").isEmpty()) {
            vars.remove("PGPASSWORD");
        }
        return Detached.runToEnd(List.of(bins.tool("psql").toString(), "-h",
                        PostgresServer.socketDir(settings.dataDir("postgres")).toString(), "-p",
                        Integer.toString(settings.ports().postgres()), "-U", "postgres", "-w", "-d", "postgres", "-X",
                        "-qtAc", "SELECT 1"), settings.home(), vars, settings.home().resolve("scratch"), 30);
    }
}
