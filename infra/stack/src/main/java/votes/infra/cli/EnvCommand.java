package votes.infra.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import votes.infra.identity.VotesRealm;
import votes.infra.postgres.role.DatabaseRole;
import votes.infra.kafka.security.KafkaAccess;
import votes.infra.kafka.security.KafkaPrincipal;
import votes.infra.metrics.PrometheusServer;
import votes.infra.stack.StackSettings;
import votes.infra.trace.ZipkinServer;

@Command(name = "env", mixinStandardHelpOptions = true,
        description = "Prints NAME=value lines for the running stack (eval-able), or one value: ./vote env PGURL")
final class EnvCommand implements Callable<Integer> {

    @Parameters(arity = "0..1", paramLabel = "NAME", description = "Print only this variable's value.")
    String name;

    static Map<String, String> variables(StackSettings s) {
        Map<String, String> vars = new LinkedHashMap<>();
        vars.put("VOTE_URL", s.gatewayUrl());
        // HTTPS (TLS 1.3 only) on its own port; clients trust the stack's local CA: curl --cacert "$VOTE_CA_FILE".
        vars.put("VOTE_TLS_URL", s.gatewayTlsUrl());
        vars.put("VOTE_CA_FILE", s.caFile().toString());
        vars.put("KAFKA_BOOTSTRAP", s.kafkaBootstrap());
        // Read-only: what operators look with and ./vote audit reads. The owner's is for schema work only.
        // The admin's client properties (bootstrap + SASL), for kafka-console-* --consumer.config and the tests.
        vars.put("KAFKA_CLIENT_CONFIG", KafkaAccess.of(s).configFile(KafkaPrincipal.ADMIN).toString());
        // The auditor's read-only login (./vote audit reads it from here).
        vars.put("AUDIT_KAFKA_CONFIG", KafkaAccess.of(s).configFile(KafkaPrincipal.AUDIT).toString());
        vars.put("PGURL", s.pgUrl());
        vars.put("PGURL_ADMIN", s.pgUrl(DatabaseRole.OWNER));
        vars.put("REDIS_URL", s.redisUrl());
        vars.put("VOTE_HOME", s.home().toString());
        vars.put("JWT_PUBLIC_KEY_LOCATION", s.publicKey().toString());
        vars.putAll(new TreeMap<>(s.jwt().serviceEnv()));
        // What an auditor trusts checkpoints with (./vote audit reads it from here).
        vars.put("CHECKPOINT_PUBLIC_KEY_FILE", s.checkpointPublicKey().toString());
        // The identity provider (Keycloak): issuer, the CLI's client id, the demo accounts' generated passwords.
        vars.putAll(new VotesRealm(s).clientEnv());
        // One trace as JSON from the trace backend (./vote up --observability): fill in {traceId}.
        vars.put("TRACE_QUERY_URL", new ZipkinServer(s).traceQueryUrl());
        // Prometheus's UI and HTTP API (./vote up --observability), scraping every component every 5 s.
        vars.put("PROMETHEUS_URL", new PrometheusServer(s).url());
        return vars;
    }

    @Override
    public Integer call() {
        Map<String, String> vars = variables(Cli.settings());
        if (name != null) {
            String value = vars.get(name);
            if (value == null) {
                System.err.println("unknown variable " + name + "; one of " + vars.keySet());
                return 2;
            }
            System.out.println(value);
            return 0;
        }
        vars.forEach((k, v) -> System.out.println(k + "=" + v));
        return 0;
    }
}
