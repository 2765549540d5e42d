package votes.infra.test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import votes.infra.kafka.security.KafkaAccess;
import votes.infra.kafka.security.KafkaPrincipal;
import votes.infra.launcher.LocalStack;
import votes.infra.postgres.role.DatabaseLogin;
import votes.infra.postgres.role.DatabaseRole;
import votes.infra.stack.StackPorts;
import votes.infra.stack.StackSettings;
import votes.infra.token.TokenMinter;

/**
 * One private stack per test JVM: free ports, data under target/vote-stack-<pid>, stopped by a shutdown
 * hook. The same {@link LocalStack} the CLI runs, so tests exercise the real startup code.
 */
public final class TestStack {

    private static final String HOME_PROPERTY = "votes.test-stack.home";
    private static final String PORTS_PROPERTY = "votes.test-stack.ports";
    /**
     * Kafka nodes of the test stack (default 1). {@code -Dvotes.test-stack.brokers=3} on a test JVM (Failsafe's
     * systemPropertyVariables) gives it three (components kafka, kafka-2, kafka-3), for faults a single broker
     * cannot survive. Read by every class loader, like the two properties above.
     */
    public static final String BROKERS_PROPERTY = "votes.test-stack.brokers";
    /**
     * {@code -Dvotes.test-stack.traces=true}: the trace backend starts before the services, so they export spans from
     * their first start, as under {@code ./vote up --observability}. The end-to-end suite sets it: its trace test then
     * needs no restarts of the shared stack's services (two rounds of three took ~50 s of every CI run).
     */
    public static final String TRACES_PROPERTY = "votes.test-stack.traces";

    /**
     * The monitor every class loader's copy of this class shares: a string literal is interned once per JVM, whatever
     * loads the class. Not {@code System.getProperties()}, though every loader shares that too: the infrastructure
     * starts on threads of its own (LocalStack), and a JDK class on one of them may set a system property (the
     * default time zone does, the first time a date is formatted) and would wait for this lock forever.
     */
    private static final String JVM_WIDE_LOCK = "votes.infra.test.TestStack: one stack per JVM";
    /** Quarkus' Flyway extension: on the class path of the modules that migrate the database. */
    private static final String FLYWAY = "io.quarkus.flyway.FlywayDataSource";

    private static TestStack instance;

    private final LocalStack stack;
    private final EarlyIdentity identity;
    private TokenMinter minter;
    private boolean servicesStarted;

    private TestStack(LocalStack stack) {
        this.stack = stack;
        this.identity = new EarlyIdentity(stack.identity());
    }

    /**
     * Kafka, PostgreSQL, Redis and the keys, started on first use and shared by every test of the JVM.
     * "The JVM", not "this class": Quarkus loads each test application (one per profile or resource set)
     * in a class loader of its own, each with its own copy of our static field. The first copy to start the
     * stack leaves its home and ports in system properties, which every class loader shares; later copies
     * attach to the running processes instead of starting a second Kafka in the same directory.
     */
    public static synchronized TestStack infrastructure() {
        if (instance != null) {
            return instance;
        }
        synchronized (JVM_WIDE_LOCK) {
            String runningHome = System.getProperty(HOME_PROPERTY);
            if (runningHome != null) {
                StackSettings settings = StackSettings.ephemeral(Path.of(runningHome), StackSettings.findRepoRoot(Path.of("")))
                        .withPorts(StackPorts.decode(System.getProperty(PORTS_PROPERTY))).withBrokers(brokers());
                instance = new TestStack(new LocalStack(settings, note -> System.err.println("[vote-stack] " + note)));
                return instance;
            }
            Path home = Path.of("target", "vote-stack-" + ProcessHandle.current().pid()).toAbsolutePath();
            StackSettings settings = StackSettings.ephemeral(home, StackSettings.findRepoRoot(Path.of("")))
                    .withBrokers(brokers());
            LocalStack stack = new LocalStack(settings, note -> System.err.println("[vote-stack] " + note));
            TestStack created = new TestStack(stack);
            // Registered before starting, so a half-started stack is cleaned up too.
            Runtime.getRuntime().addShutdownHook(new Thread(created::shutdown, "vote-stack-shutdown"));
            long start = System.nanoTime();
            stack.startInfrastructure(printedSteps(""));
            System.err.printf("[vote-stack] infrastructure up in %d ms under %s%n",
                    (System.nanoTime() - start) / 1_000_000, home);
            System.setProperty(HOME_PROPERTY, settings.home().toString());
            System.setProperty(PORTS_PROPERTY, settings.ports().encode());
            instance = created;
            return instance;
        }
    }

    private static int brokers() {
        return Integer.getInteger(BROKERS_PROPERTY, 1);
    }

    /** Adds the services and the gateway (built jars required), once. */
    synchronized TestStack withServices() {
        if (!servicesStarted) {
            if (Boolean.getBoolean(TRACES_PROPERTY)) {
                stack.traces().start();
            }
            long start = System.nanoTime();
            stack.startServices(printedSteps("services "));
            System.err.printf("[vote-stack] services and gateway up in %d ms%n", (System.nanoTime() - start) / 1_000_000);
            servicesStarted = true;
            identity.begin();
        }
        return this;
    }

    /**
     * The trace backend up, and every service exporting to it, for the rest of this JVM: started, and the running
     * services restarted (they read its address at start, votes.infra.service.ServiceEnv), unless it already runs.
     * Nothing turns it off again: a traced service only adds spans, and the stack's shutdown stops the backend.
     */
    public synchronized TestStack withTraces() {
        withServices();
        if (!stack.traces().isUp()) {
            stack.traces().start();
            stack.services().forEach(service -> {
                service.stop();
                service.start();
            });
        }
        return this;
    }

    /**
     * Keycloak up (waited for when it started beside the tests: {@link EarlyIdentity}), and what its start said.
     */
    public String identityUp() {
        return identity.up();
    }

    public LocalStack localStack() {
        return stack;
    }

    public StackSettings settings() {
        return stack.settings();
    }

    public String kafkaBootstrap() {
        return settings().kafkaBootstrap();
    }

    /**
     * Bootstrap and SASL login of the stack's Kafka admin (a super user): every Kafka client a test builds starts
     * from these, the same settings {@code ./vote env}'s KAFKA_CLIENT_CONFIG holds.
     */
    public Map<String, Object> kafkaClientProperties() {
        return KafkaAccess.of(settings()).admin();
    }

    /** A principal's own login: for proving what that service may and may not do. */
    public Map<String, Object> kafkaClientProperties(KafkaPrincipal principal) {
        return KafkaAccess.of(settings()).client(principal);
    }

    /** The principal's client properties file (0600), as CLIs take it: the audit's --kafka-config, say. */
    public String kafkaClientConfigFile(KafkaPrincipal principal) {
        return KafkaAccess.of(settings()).writeClientConfig(principal).toString();
    }

    public String jdbcUrl() {
        return settings().jdbcUrl();
    }

    /** A role's user and generated password: every test that logs into PostgreSQL takes them from here. */
    public DatabaseLogin pgLogin(DatabaseRole role) {
        return settings().pgLogin(role);
    }

    /** A JDBC connection to the stack's votes database as the role. */
    public Connection connect(DatabaseRole role) throws SQLException {
        DatabaseLogin login = pgLogin(role);
        return DriverManager.getConnection(jdbcUrl(), login.user(), login.password());
    }

    /** The Vert.x reactive client's form: postgresql://127.0.0.1:<port>/votes. */
    public String reactiveUrl() {
        return "postgresql://127.0.0.1:" + settings().ports().postgres() + "/votes";
    }

    public String redisUrl() {
        return settings().redisUrl();
    }

    public String gatewayUrl() {
        return "http://127.0.0.1:" + settings().ports().gateway();
    }

    /** An RS256 token the services accept; groups default to voter. Lives as long as the cap allows (15 min). */
    public String token(String sub, String... groups) {
        return tokens().mint(sub, groups.length == 0 ? List.of("voter") : List.of(groups));
    }

    /** The stack's own signer, for tokens with odd lifetimes (an expired one, say). */
    public synchronized TokenMinter tokens() {
        if (minter == null) {
            minter = stack.tokens();
        }
        return minter;
    }

    /** The Quarkus config keys of the contract, pointing at this stack. */
    public Map<String, String> quarkusConfig() {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("kafka.bootstrap.servers", kafkaBootstrap());
        // The app under test logs in as the admin: tests give it groups and topics of their own (LEDGER_GROUP ...).
        KafkaAccess.of(settings()).sasl(KafkaPrincipal.ADMIN).forEach((key, value) -> config.put("kafka." + key, value));
        config.put("quarkus.datasource.reactive.url", reactiveUrl());
        config.put("quarkus.datasource.jdbc.url", jdbcUrl());
        // The ledger's runtime role for its pools, the owner for Flyway: as ./vote up runs it (ServiceEnv).
        DatabaseLogin ledger = pgLogin(DatabaseRole.LEDGER);
        DatabaseLogin owner = pgLogin(DatabaseRole.OWNER);
        config.put("quarkus.datasource.username", ledger.user());
        config.put("quarkus.datasource.password", ledger.password());
        // Only a module that runs Flyway (the ledger) knows these keys: any other app warns of them at every start.
        if (onClassPath(FLYWAY)) {
            config.put("quarkus.flyway.username", owner.user());
            config.put("quarkus.flyway.password", owner.password());
        }
        config.put("quarkus.redis.hosts", redisUrl());
        config.put("mp.jwt.verify.publickey.location", settings().publicKey().toString());
        config.put("mp.jwt.verify.issuer", settings().jwtIssuer());
        config.put("mp.jwt.verify.audiences", settings().jwt().audience());
        config.put("smallrye.jwt.time-to-live", Long.toString(settings().jwt().maxTtl().toSeconds()));
        // The ledger's checkpoint key pair (other services ignore these keys).
        config.put("ledger.checkpoint.private-key-file", settings().checkpointPrivateKey().toString());
        config.put("ledger.checkpoint.public-key-file", settings().checkpointPublicKey().toString());
        return config;
    }

    private static boolean onClassPath(String className) {
        try {
            Class.forName(className, false, TestStack.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException absent) {
            return false;
        }
    }

    private void shutdown() {
        stack.stopAll();
        deleteTree(settings().home().resolve("data"));
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> tree = Files.walk(dir)) {
            tree.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // Leftover test data under target/ is harmless; `mvn clean` removes it.
        }
    }

    /** Each step of a start as one line on stderr, where the suite's logs keep it; {@code phase} names the start. */
    static LocalStack.StepListener printedSteps(String phase) {
        return (i, total, label, outcome, took, ok) -> System.err.printf("[vote-stack] %s[%d/%d] %s %s (%d ms)%n",
                phase, i, total, label, outcome, took.toMillis());
    }
}
