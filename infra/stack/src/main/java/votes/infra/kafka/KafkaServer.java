package votes.infra.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import votes.infra.kafka.security.ClusterSecurity;
import votes.infra.kafka.security.KafkaAccess;
import votes.infra.stack.Detached;
import votes.infra.stack.ManagedProcess;
import votes.infra.stack.Probes;
import votes.infra.stack.StackSettings;

/**
 * One node of the stack's Kafka (KRaft, broker and controller in one process) from infra/kafka-server's jars. Node 1
 * is the component {@code kafka}, node n > 1 {@code kafka-n}: each has its own data dir, log, pid and ports, so it can
 * be killed and restarted alone. {@link KafkaCluster} starts them together and creates the topics.
 */
public final class KafkaServer extends ManagedProcess {

    static final Duration READY_TIMEOUT = Duration.ofSeconds(90);

    private final int nodeId;

    public KafkaServer(StackSettings settings, int nodeId) {
        super(settings);
        this.nodeId = nodeId;
    }

    /** The component name of node {@code nodeId}: kafka, kafka-2, kafka-3. */
    public static String name(int nodeId) {
        return nodeId == 1 ? "kafka" : "kafka-" + nodeId;
    }

    public int nodeId() {
        return nodeId;
    }

    @Override
    public String name() {
        return name(nodeId);
    }

    @Override
    public String label() {
        return settings.brokers() == 1 ? "Kafka" : "Kafka node " + nodeId;
    }

    @Override
    public int port() {
        return settings.ports().kafka(nodeId);
    }

    /** Up once it serves and the cluster counts it as a live broker again (a restarted node catches up first). */
    @Override
    protected String launch() {
        Path dir = settings.dataDir(name());
        Path logDirs = dir.resolve("log");
        Path properties = dir.resolve("server.properties");
        Path log4j = dir.resolve("log4j2.properties");
        KafkaAccess access = KafkaAccess.of(settings);
        KafkaConfig config = new KafkaConfig(nodeId, settings.brokers(), settings.ports(), logDirs, access);
        boolean formatted = Files.exists(logDirs.resolve("meta.properties"));
        boolean withoutScramUsers = formatted && !Files.exists(scramMarker());
        try {
            Files.createDirectories(logDirs);
            // It holds the broker's password: owner-only, like the stack's secrets.
            access.writeOwnerOnly(properties, config.serverProperties(withoutScramUsers));
            Files.writeString(log4j, KafkaConfig.log4j2());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String classpath = brokerClasspath();
        if (!formatted) {
            format(classpath, properties, log4j, ClusterIdentity.settle(settings).clusterId(), access);
        }
        List<String> command = javaCommand("-Xmx512m", "-XX:+UseSerialGC");
        command.addAll(List.of("-Dlog4j2.configurationFile=" + log4j, "-cp", classpath, "kafka.Kafka", properties.toString()));
        Process process = Detached.start(command, settings.logFile(name()), dir, Map.of());
        record(process.pid());
        if (!Probes.await(READY_TIMEOUT, process.toHandle(), () -> Probes.portAccepts(port()))) {
            throw failed(process.isAlive() ? "did not open port " + port() + " in time" : "exited at start");
        }
        String users = addMissingUsers(process, access, withoutScramUsers);
        try (KafkaTopics cluster = new KafkaTopics(access.admin())) {
            if (!Probes.await(READY_TIMEOUT, process.toHandle(), () -> cluster.liveBrokers().contains(nodeId))) {
                throw failed(process.isAlive() ? "is not a live broker after " + READY_TIMEOUT.toSeconds()
                        + " s (live: " + cluster.liveBrokers() + ")" : "exited at start");
            }
        }
        return "up on 127.0.0.1:" + port() + users;
    }

    /**
     * Storage formatted since SASL came carries every SCRAM user already (--add-scram), and a principal added since
     * is added here (as the admin, SCRAM). A home formatted before has none, and no SCRAM login works until they are
     * in: this start also accepts the admin over PLAIN, which adds them; the next start is SCRAM only.
     */
    private String addMissingUsers(Process process, KafkaAccess access, boolean withoutScramUsers) {
        List<String> added = new java.util.ArrayList<>();
        String[] failure = {""};
        try (ClusterSecurity security = new ClusterSecurity(access,
                withoutScramUsers ? access.adminPlain() : access.admin())) {
            boolean done = Probes.await(READY_TIMEOUT, process.toHandle(), () -> {
                try {
                    added.addAll(security.ensureUsers());
                    return true;
                } catch (IllegalStateException e) {
                    failure[0] = e.getMessage();
                    return false;
                }
            });
            if (!done) {
                throw failed(process.isAlive() ? "could not check its SCRAM users in " + READY_TIMEOUT.toSeconds()
                        + " s: " + failure[0] : "exited at start");
            }
            if (!added.isEmpty() && !Probes.await(READY_TIMEOUT, process.toHandle(), () -> security.loginsWork(added))) {
                throw failed("took SCRAM users " + added + " but does not let them log in after "
                        + READY_TIMEOUT.toSeconds() + " s");
            }
        }
        markScramUsers();
        if (added.isEmpty()) {
            return "";
        }
        return withoutScramUsers ? " (data formatted before SASL: added SCRAM-SHA-512 users " + String.join(", ", added)
                + "; the admin may also log in over PLAIN until Kafka's next restart)"
                : " (added SCRAM-SHA-512 users " + String.join(", ", added) + ")";
    }

    /** Present once the cluster's storage holds the SCRAM users (formatted with them, or added to an older one). */
    private Path scramMarker() {
        return settings.dataDir(name(1)).resolve("scram-users");
    }

    private void markScramUsers() {
        try {
            Files.writeString(scramMarker(), "votes-infra: this Kafka's metadata holds the stack's SCRAM users\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Storage is formatted once per data dir, with the id every node of the cluster shares. */
    private void format(String classpath, Path properties, Path log4j, String clusterId, KafkaAccess access) {
        List<String> command = toolCommand();
        command.addAll(List.of("-Dlog4j2.configurationFile=" + log4j, "-cp", classpath,
                "kafka.tools.StorageTool", "format", "-t", clusterId, "-c", properties.toString()));
        // Every principal's SCRAM credential goes into the first metadata: brokers and services log in at once.
        command.addAll(ClusterSecurity.formatArguments(access));
        Detached.run(command, settings.logFile(name()), 60);
        markScramUsers();
    }

    private String brokerClasspath() {
        Path lib = settings.repoRoot().resolve("infra/kafka-server/target/lib");
        if (!Files.isDirectory(lib)) {
            throw failed("broker jars missing in " + lib + "; build them: ./mvnw -q -pl infra/kafka-server package");
        }
        return lib + "/*";
    }
}
