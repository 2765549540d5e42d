package votes.perf.baseline;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import picocli.CommandLine.Option;

/**
 * A perf client's Kafka login: the stack's Kafka takes only SASL clients, so the raw producers read the admin's client
 * properties (`./vote env KAFKA_CLIENT_CONFIG`) and lay their own settings over them.
 */
public final class KafkaLogin {

    @Option(names = "--kafka-config", paramLabel = "FILE", defaultValue = "${env:KAFKA_CLIENT_CONFIG}",
            description = "Kafka client properties with the login (env KAFKA_CLIENT_CONFIG); none: a plain broker.")
    Path file;

    /** Whether a login file was given (none: the caller may skip Kafka altogether). */
    public boolean given() {
        return file != null;
    }

    /** The file's settings, or none; the caller's own settings go on top. */
    public Properties properties() {
        Properties login = new Properties();
        if (file != null) {
            try (Reader in = Files.newBufferedReader(file)) {
                login.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the Kafka client properties " + file, e);
            }
        }
        return login;
    }
}
