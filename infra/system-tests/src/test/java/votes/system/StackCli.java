package votes.system;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import votes.infra.stack.Detached;
import votes.infra.stack.StackPorts;
import votes.infra.stack.StackSettings;

/**
 * {@code ./vote <args>} as an operator runs it, against the test stack: the packaged CLI (infra/stack's jar) as its
 * own process, pointed at the stack by the same {@code VOTE_HOME} and {@code VOTE_*_PORT} variables.
 */
public record StackCli(StackSettings settings) {

    /** What one command did: its exit code and everything it printed (stdout and stderr). */
    public record Run(int exitCode, String output) {
    }

    public Run run(long timeoutSeconds, String... args) {
        Path root = settings.repoRoot();
        Path jar = root.resolve("infra/stack/target/votes-infra.jar");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dvote.root=" + root, "-XX:+UseSerialGC", "-cp",
                jar + File.pathSeparator + root.resolve("infra/stack/target/lib") + "/*", "votes.infra.cli.VoteCli"));
        command.addAll(List.of(args));
        Detached.Finished finished = Detached.runToEnd(command, root, env(), settings.home(), timeoutSeconds);
        Run run = new Run(finished.exitCode(), finished.output());
        System.out.println("$ ./vote " + String.join(" ", args) + "   → exit " + run.exitCode() + "\n" + run.output());
        return run;
    }

    private Map<String, String> env() {
        StackPorts p = settings.ports();
        Map<String, String> env = new HashMap<>(settings.jwt().serviceEnv());
        env.putAll(Map.ofEntries(Map.entry("VOTE_HOME", settings.home().toString()),
                Map.entry("VOTE_GATEWAY_PORT", Integer.toString(p.gateway())),
                Map.entry("VOTE_INGEST_PORT", Integer.toString(p.ingest())),
                Map.entry("VOTE_LEDGER_PORT", Integer.toString(p.ledger())),
                Map.entry("VOTE_REALTIME_PORT", Integer.toString(p.realtime())),
                Map.entry("VOTE_PROJECTIONS_PORT", Integer.toString(p.projections())),
                Map.entry("VOTE_RELAY_PORT", Integer.toString(p.relay())),
                Map.entry("VOTE_KAFKA_PORT", Integer.toString(p.kafka())),
                Map.entry("VOTE_KAFKA_CONTROLLER_PORT", Integer.toString(p.kafkaController())),
                Map.entry("VOTE_PG_PORT", Integer.toString(p.postgres())),
                Map.entry("VOTE_REDIS_PORT", Integer.toString(p.redis())),
                Map.entry("VOTE_GATEWAY_TLS_PORT", Integer.toString(p.gatewayTls())),
                Map.entry("VOTES_PARTITIONS", Integer.toString(settings.votesPartitions())),
                Map.entry("VOTER_ID_KEY", settings.voterIdKey())));
        return env;
    }
}
