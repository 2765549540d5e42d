package votes.system.fault;

import votes.infra.kafka.security.KafkaPrincipal;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import votes.audit.AuditCli;
import votes.infra.postgres.role.DatabaseLogin;
import votes.infra.postgres.role.DatabaseRole;
import votes.infra.test.VoteStackExtension;

/**
 * What the fault suites share: how many runs of each fault and the load's shape (system properties, so the
 * figures script runs the same tests longer: {@code perf/run-faults.sh}), the table, and the audit that closes a
 * suite: {@code audit replay} over the whole log must exit 0 after every fault.
 */
final class FaultSuite {

    /** Runs of each fault: 1 in CI, 3 or more for the figures. */
    static final int RUNS = Integer.getInteger("faults.runs", 1);
    /** Votes per second while a fault strikes: light enough for a loaded 2-core CI machine. */
    static final double RATE = Double.parseDouble(System.getProperty("faults.rate", "40"));
    /** The overload fault's rate: well past what the stack sustains on such a machine. */
    static final double OVERLOAD_RATE = Double.parseDouble(System.getProperty("faults.overload-rate", "1200"));
    /** Voters come from several loopback addresses, like many clients: each stays far below the gateway's cap. */
    static final List<String> CLIENTS = List.of("127.0.1.1+8");
    static final FaultRun.Load LOAD = new FaultRun.Load(RATE, seconds("faults.before", 3), seconds("faults.after", 4), 64,
            CLIENTS);

    private final VoteStackExtension stack;
    private final FaultTable table = new FaultTable();

    FaultSuite(VoteStackExtension stack) {
        this.stack = stack;
    }

    void runs(Fault fault) throws Exception {
        runs(fault, LOAD);
    }

    void runs(Fault fault, FaultRun.Load load) throws Exception {
        FaultRun run = new FaultRun(stack);
        for (int i = 1; i <= RUNS; i++) {
            table.add(run.run(fault, i, load));
        }
    }

    /** The table on stdout and in target/{name}.md, then the audit of the whole log. */
    void close(String name) {
        String markdown = table.markdown();
        System.out.println("[faults] " + name + "\n" + markdown);
        table.write(Path.of("target", name + ".md"));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        DatabaseLogin reader = stack.stack().pgLogin(DatabaseRole.READER);
        int exit = AuditCli.run(new PrintWriter(out, true), new PrintWriter(err, true), "replay", "--no-progress",
                "--kafka", stack.kafkaBootstrap(), "--kafka-config", stack.kafkaClientConfigFile(KafkaPrincipal.AUDIT),
                "--pg-url", stack.jdbcUrl(), "--pg-user", reader.user(), "--pg-password", reader.password(),
                "--public-key", stack.stack().settings().checkpointPublicKey().toString(), "--settle", "120");
        System.out.println("[faults] audit replay → exit " + exit + "\n" + out + err);
        assertThat(exit).as("audit replay after the faults:\n" + out + err).isZero();
    }

    private static Duration seconds(String property, int fallback) {
        return Duration.ofSeconds(Integer.getInteger(property, fallback));
    }
}
