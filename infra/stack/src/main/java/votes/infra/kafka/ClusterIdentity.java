package votes.infra.kafka;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Properties;
import org.apache.kafka.common.Uuid;
import votes.infra.stack.StackException;
import votes.infra.stack.StackSettings;

/**
 * What a stack home's Kafka data is: how many nodes it was formatted as and the cluster id they all share, kept
 * in {@code data/kafka/cluster.properties}. The count is fixed for the life of the data (the controller quorum and
 * every replica assignment name the nodes), so a later plain `./vote up`, `down`, `status` or `env` reads it from
 * here, and a different {@code --brokers} is refused rather than half-honoured.
 */
public record ClusterIdentity(int brokers, String clusterId) {

    private static final String FILE = "cluster.properties";

    /** What this home's data says, if it holds a Kafka cluster (a home from before this file counts as one node). */
    public static Optional<ClusterIdentity> of(StackSettings settings) {
        Path dir = settings.dataDir(KafkaServer.name(1));
        Optional<Properties> recorded = read(dir.resolve(FILE));
        if (recorded.isPresent()) {
            return Optional.of(new ClusterIdentity(Integer.parseInt(recorded.get().getProperty("brokers").trim()),
                    recorded.get().getProperty("cluster.id").trim()));
        }
        return read(dir.resolve("log").resolve("meta.properties"))
                .map(meta -> new ClusterIdentity(1, meta.getProperty("cluster.id").trim()));
    }

    /**
     * The broker count to run this home with: what its data says, else the requested count, else one.
     *
     * @throws StackException when the data was formatted with another count than the one requested
     */
    public static int brokers(StackSettings settings, OptionalInt requested) {
        Optional<ClusterIdentity> existing = of(settings);
        if (existing.isPresent() && requested.isPresent() && existing.get().brokers() != requested.getAsInt()) {
            throw conflict(settings, existing.get().brokers(), requested.getAsInt());
        }
        return existing.map(ClusterIdentity::brokers).orElse(requested.orElse(1));
    }

    /** The identity to format and start with: the recorded one, or a new one for the settings' broker count. */
    public static synchronized ClusterIdentity settle(StackSettings settings) {
        Optional<ClusterIdentity> existing = of(settings);
        if (existing.isPresent()) {
            if (existing.get().brokers() != settings.brokers()) {
                throw conflict(settings, existing.get().brokers(), settings.brokers());
            }
            existing.get().write(settings);
            return existing.get();
        }
        ClusterIdentity fresh = new ClusterIdentity(settings.brokers(), Uuid.randomUuid().toString());
        fresh.write(settings);
        return fresh;
    }

    private void write(StackSettings settings) {
        Path file = settings.dataDir(KafkaServer.name(1)).resolve(FILE);
        if (Files.exists(file)) {
            return;
        }
        Properties properties = new Properties();
        properties.setProperty("brokers", Integer.toString(brokers));
        properties.setProperty("cluster.id", clusterId);
        try {
            Files.createDirectories(file.getParent());
            try (Writer out = Files.newBufferedWriter(file)) {
                properties.store(out, "votes-infra: the node count this Kafka data was formatted with, and its cluster id");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static StackException conflict(StackSettings settings, int formatted, int requested) {
        return new StackException("this stack's Kafka data (" + settings.dataDir(KafkaServer.name(1))
                + ") was formatted as " + formatted + " broker(s), not " + requested + ". Run it as it is ("
                + (formatted == 1 ? "no --brokers" : "--brokers " + formatted) + "), use another VOTE_HOME, or start "
                + "over with ./vote down && rm -rf " + settings.home().resolve("data") + "/kafka* (this deletes the "
                + "vote log)");
    }

    private static Optional<Properties> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Optional.of(properties);
    }
}
