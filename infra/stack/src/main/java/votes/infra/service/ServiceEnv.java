package votes.infra.service;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import votes.events.topic.TopicDurability;
import votes.infra.identity.VotesRealm;
import votes.infra.postgres.role.DatabaseLogin;
import votes.infra.postgres.role.DatabaseRole;
import votes.infra.kafka.security.KafkaAccess;
import votes.infra.kafka.security.KafkaPrincipal;
import votes.infra.stack.StackSettings;
import votes.infra.trace.ZipkinServer;

/** The contract's environment variables, as every service reads them. */
public final class ServiceEnv {

    /**
     * With replicas, a dead broker's partitions move to another leader once it is fenced (~2-3 s here: session
     * timeout 2 s, then elections and the producers' metadata refresh). Ingest's one-broker defaults give up on an
     * append after 3 s (delivery timeout) and its request deadline too: a vote caught in a failover was answered 503
     * although the cluster never stopped taking writes. Waiting through a failover costs a client a few seconds
     * once; answering 503 costs a retry and breaks "no 503 at all with one broker of three gone".
     */
    static final Map<String, String> FAILOVER_PATIENCE = Map.of(
            "VOTE_KAFKA_DELIVERY_TIMEOUT_MS", "8000",
            "VOTE_SEND_TIMEOUT", "8500ms",
            "VOTE_REQUEST_DEADLINE", "9s",
            "VOTE_RESERVATION_TTL", "15s");

    static final String LOOPBACK = "127.0.0.1";

    private ServiceEnv() {
    }

    /**
     * The Kafka login (KAFKA_SECURITY_PROTOCOL, KAFKA_SASL_MECHANISM, KAFKA_SASL_JAAS_CONFIG) of the code in this
     * module (ServiceSpec.module(): ledger, ledger/cdc-relay ...): the principal named like its folder, which holds
     * only that service's ACLs. By module, not by component: a rebuilding ledger is the ledger's code.
     */
    public static Map<String, String> kafka(StackSettings s, String module) {
        return KafkaAccess.of(s).serviceEnv(KafkaPrincipal.service(Path.of(module).getFileName().toString()));
    }

    public static Map<String, String> of(StackSettings s, ServiceSpec spec, int httpPort) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("HTTP_PORT", Integer.toString(httpPort));
        // Loopback only (Quarkus's prod default is 0.0.0.0): the gateway is the one way in from outside; health and
        // metrics stay on this port for the stack's probes and operators on the machine.
        env.put("QUARKUS_HTTP_HOST", LOOPBACK);
        env.put("KAFKA_BOOTSTRAP", s.kafkaBootstrap());
        env.putAll(kafka(s, spec.module()));
        env.put("PG_HOST", "127.0.0.1");
        env.put("PG_PORT", Integer.toString(s.ports().postgres()));
        env.put("PG_DATABASE", "votes");
        env.putAll(database(s, spec));
        env.put("REDIS_URL", s.redisUrl());
        env.put("JWT_PUBLIC_KEY_LOCATION", s.publicKey().toString());
        env.putAll(s.jwt().serviceEnv());
        // Both issuers: the realm's (Keycloak starts after the services, or not at all with --no-keycloak; the
        // services fetch its keys when it answers) and the dev key, which ./vote token, the test stacks and the load
        // generator sign with. A packaged service trusts the dev key only when told so (issue 13).
        env.put("OIDC_ISSUER", new VotesRealm(s).issuer());
        env.put("VOTE_TRUST_DEV_ISSUER", "true");
        // Generated per stack (.vote/secrets/): the services refuse public dev values outside dev and tests.
        env.put("VOTER_ID_KEY", s.voterIdKey());
        env.put("VOTE_CHALLENGE_SECRET", s.challengeSecret());
        env.put("CLIENT_FACTS_KEY", s.clientFactsKey());
        env.put("CHECKPOINT_PRIVATE_KEY_FILE", s.checkpointPrivateKey().toString());
        env.put("CHECKPOINT_PUBLIC_KEY_FILE", s.checkpointPublicKey().toString());
        env.put("LEDGER_URL", "http://127.0.0.1:" + s.ports().ledger());
        env.put("VOTES_PARTITIONS", Integer.toString(s.votesPartitions()));
        // State that must survive a restart (kill -9 included) lives under the stack's data dir, not /tmp.
        env.put("KAFKA_STREAMS_STATE_DIR", s.dataDir("projections").resolve("state").toString());
        // One projections process per stack and a broker of the stack's own: a fixed static-membership id lets a
        // restarted projections take its partitions back at once instead of waiting out its old member's session.
        env.put("PROJECTIONS_INSTANCE_ID", "projections-local");
        env.put("RELAY_OFFSETS_FILE", s.dataDir("cdc-relay").resolve("offsets.dat").toString());
        // Kafka Streams creates its changelog and repartition topics itself: as many replicas as ours, or a dead
        // broker of three would take a store's changelog (and the projections) down with it.
        env.put("PROJECTIONS_REPLICATION_FACTOR", Short.toString(TopicDurability.replicationFactor(s.brokers())));
        if (s.brokers() > 1) {
            env.putAll(FAILOVER_PATIENCE);
        }
        // Traces only while the stack runs a trace backend (./vote up --observability starts it first): without one,
        // the services' OpenTelemetry SDK stays off and a vote pays nothing for tracing.
        ZipkinServer traces = new ZipkinServer(s);
        if (traces.isUp()) {
            env.putAll(traces.serviceEnv());
        }
        return env;
    }

    /**
     * The service's own PostgreSQL role and password, nothing for a service without one. The ledger also gets the
     * owner's, for Flyway only: its runtime pool cannot change the schema.
     */
    static Map<String, String> database(StackSettings s, ServiceSpec spec) {
        Map<String, String> env = new LinkedHashMap<>();
        spec.databaseRole().ifPresent(role -> {
            DatabaseLogin login = s.pgLogin(role);
            env.put("PG_USER", login.user());
            env.put("PG_PASSWORD", login.password());
            if (role == DatabaseRole.LEDGER) {
                DatabaseLogin owner = s.pgLogin(DatabaseRole.OWNER);
                env.put("PG_MIGRATION_USER", owner.user());
                env.put("PG_MIGRATION_PASSWORD", owner.password());
            }
        });
        return env;
    }
}
