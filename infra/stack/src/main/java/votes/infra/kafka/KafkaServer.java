package votes.infra.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
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
        KafkaConfig config = new KafkaConfig(nodeId, settings.brokers(), settings.ports(), logDirs);
        try {
            Files.createDirectories(logDirs);
            Files.writeString(properties, config.serverProperties());
            Files.writeString(log4j, KafkaConfig.log4j2());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String classpath = brokerClasspath();
        if (!Files.exists(logDirs.resolve("meta.properties"))) {
            format(classpath, properties, log4j, ClusterIdentity.settle(settings).clusterId());
        }
        Process process = Detached.start(List.of(javaBinary(), "-Xmx512m", "-XX:+UseSerialGC",
                        "-Dlog4j2.configurationFile=" + log4j, "-cp", classpath, "kafka.Kafka", properties.toString()),
                settings.logFile(name()), dir, Map.of());
        record(process.pid());
        if (!Probes.await(READY_TIMEOUT, process.toHandle(), () -> Probes.portAccepts(port()))) {
            throw failed(process.isAlive() ? "did not open port " + port() + " in time" : "exited at start");
        }
        try (KafkaTopics cluster = new KafkaTopics(settings.kafkaBootstrap())) {
            if (!Probes.await(READY_TIMEOUT, process.toHandle(), () -> cluster.liveBrokers().contains(nodeId))) {
                throw failed(process.isAlive() ? "is not a live broker after " + READY_TIMEOUT.toSeconds()
                        + " s (live: " + cluster.liveBrokers() + ")" : "exited at start");
            }
        }
        return "up on 127.0.0.1:" + port();
    }

    /** Storage is formatted once per data dir, with the id every node of the cluster shares. */
    private void format(String classpath, Path properties, Path log4j, String clusterId) {
        Detached.run(List.of(javaBinary(), "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Dlog4j2.configurationFile=" + log4j, "-cp", classpath, "kafka.tools.StorageTool",
                "format", "-t", clusterId, "-c", properties.toString()), settings.logFile(name()), 60);
    }

    private String brokerClasspath() {
        Path lib = settings.repoRoot().resolve("infra/kafka-server/target/lib");
        if (!Files.isDirectory(lib)) {
            throw failed("broker jars missing in " + lib + "; build them: ./mvnw -q -pl infra/kafka-server package");
        }
        return lib + "/*";
    }
}
