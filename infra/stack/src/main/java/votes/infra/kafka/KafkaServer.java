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
import votes.infra.stack.StackException;
import votes.infra.stack.StackSettings;

/** Apache Kafka in KRaft mode from infra/kafka-server's jars, one combined node, plus our topics. */
public final class KafkaServer extends ManagedProcess {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);

    public KafkaServer(StackSettings settings) {
        super(settings);
    }

    @Override
    public String name() {
        return "kafka";
    }

    @Override
    public String label() {
        return "Kafka";
    }

    @Override
    public int port() {
        return settings.ports().kafka();
    }

    @Override
    protected String launch() {
        Path dir = settings.dataDir(name());
        Path logDirs = dir.resolve("log");
        Path properties = dir.resolve("server.properties");
        Path log4j = dir.resolve("log4j2.properties");
        KafkaConfig config = new KafkaConfig(port(), settings.ports().kafkaController(), logDirs);
        try {
            Files.createDirectories(logDirs);
            Files.writeString(properties, config.serverProperties());
            Files.writeString(log4j, KafkaConfig.log4j2());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String classpath = brokerClasspath();
        if (!Files.exists(logDirs.resolve("meta.properties"))) {
            format(classpath, properties, log4j);
        }
        Process process = Detached.start(List.of(javaBinary(), "-Xmx512m", "-XX:+UseSerialGC",
                        "-Dlog4j2.configurationFile=" + log4j, "-cp", classpath, "kafka.Kafka", properties.toString()),
                settings.logFile(name()), dir, Map.of());
        record(process.pid());
        if (!Probes.await(READY_TIMEOUT, process.toHandle(), () -> Probes.portAccepts(port()))) {
            throw failed(process.isAlive() ? "did not open port " + port() + " in time" : "exited at start");
        }
        try (KafkaTopics topics = new KafkaTopics(settings.kafkaBootstrap())) {
            topics.awaitCluster(READY_TIMEOUT);
            topics.ensure(KafkaTopics.standard(settings.votesPartitions()));
        } catch (RuntimeException e) {
            throw new StackException("Kafka is listening but not usable: " + e.getMessage() + "; see "
                    + settings.logFile(name()), e);
        }
        return "up on " + settings.kafkaBootstrap();
    }

    /** Storage is formatted once per data dir; the cluster id comes from the tool itself. */
    private void format(String classpath, Path properties, Path log4j) {
        Path log = settings.logFile(name());
        List<String> java = List.of(javaBinary(), "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Dlog4j2.configurationFile=" + log4j, "-cp", classpath, "kafka.tools.StorageTool");
        String clusterId = Detached.run(concat(java, "random-uuid"), log, 60).trim();
        String[] lines = clusterId.split("\\R");
        clusterId = lines[lines.length - 1].trim();
        Detached.run(concat(java, "format", "-t", clusterId, "-c", properties.toString()), log, 60);
    }

    private String brokerClasspath() {
        Path lib = settings.repoRoot().resolve("infra/kafka-server/target/lib");
        if (!Files.isDirectory(lib)) {
            throw new StackException("Kafka broker jars missing in " + lib
                    + "; build them: ./mvnw -q -pl infra/kafka-server package");
        }
        return lib + "/*";
    }

    private static List<String> concat(List<String> head, String... tail) {
        return java.util.stream.Stream.concat(head.stream(), java.util.Arrays.stream(tail)).toList();
    }
}
