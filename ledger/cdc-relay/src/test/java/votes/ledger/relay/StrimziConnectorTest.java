package votes.ledger.relay;

import static org.assertj.core.api.Assertions.assertThat;

import io.debezium.connector.postgresql.PostgresConnector;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The KafkaConnector under k8s/ and the relay's own configuration are the same connector. */
class StrimziConnectorTest {

    /** Keys whose values are where the two deployments differ by design (address, credentials). */
    private static final Set<String> PER_DEPLOYMENT = Set.of("database.hostname", "database.port", "database.dbname",
            "database.user", "database.password");
    /** Engine keys: Kafka Connect's worker handles these (offsets topic), a KafkaConnector does not carry them. */
    private static final Set<String> WORKER = Set.of("name", "connector.class", "tasks.max", "offset.storage",
            "offset.storage.file.filename", "offset.flush.interval.ms", "offset.flush.timeout.ms");
    /**
     * Keys naming the relay's own classes (its change-event queue, its WAL sockets and their argument), which a stock
     * Debezium plugin lacks: the KafkaConnector leaves them out, so Debezium's and pgjdbc's defaults apply there.
     */
    private static final Set<String> RELAY_CLASSES = Set.of("queue.provider.type", "driver.socketFactory",
            "driver.socketFactoryArg");

    @Test
    void kafkaConnectorCarriesEveryConnectorKeyOfTheRelayWithTheSameValue() throws IOException, ClassNotFoundException {
        Properties relay = RelayConfigTest.withEnvironment(Map.of()).engine();
        Map<String, String> yaml = connectorYaml();

        // The relay runs Debezium's connector with its own task (votes.ledger.relay.queue.PacedPostgresConnector):
        // the stock plugin's class there, the same connector.
        Class<?> stock = Class.forName(yaml.get("spec.class"));
        assertThat(stock).isEqualTo(PostgresConnector.class);
        assertThat(stock).isAssignableFrom(Class.forName(relay.getProperty("connector.class")));
        assertThat(yaml.get("spec.tasksMax")).isEqualTo(relay.getProperty("tasks.max"));
        for (String key : relay.stringPropertyNames()) {
            if (WORKER.contains(key) || RELAY_CLASSES.contains(key)) {
                continue;
            }
            assertThat(yaml).as("KafkaConnector config key %s", key).containsKey("config." + key);
            if (!PER_DEPLOYMENT.contains(key)) {
                assertThat(yaml.get("config." + key)).as(key).isEqualTo(relay.getProperty(key));
            }
        }
        long connectorKeys = relay.stringPropertyNames().stream().filter(key -> !WORKER.contains(key) && !RELAY_CLASSES.contains(key))
                .count();
        assertThat(yaml.keySet().stream().filter(key -> key.startsWith("config."))).hasSize((int) connectorKeys);
    }

    /** spec.class, spec.tasksMax and spec.config.* of the one KafkaConnector; enough YAML for this flat file. */
    private static Map<String, String> connectorYaml() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("k8s", "kafka-connector.yaml"));
        Map<String, String> values = new LinkedHashMap<>();
        boolean inSpec = false;
        boolean inConfig = false;
        for (String line : lines) {
            if (line.isBlank() || line.trim().startsWith("#")) {
                continue;
            }
            int indent = line.length() - line.stripLeading().length();
            String trimmed = line.trim();
            int colon = trimmed.indexOf(": ");
            String key = colon < 0 ? trimmed.replaceAll(":$", "") : trimmed.substring(0, colon);
            String value = colon < 0 ? "" : unquote(trimmed.substring(colon + 2).trim());
            if (indent == 0) {
                inSpec = key.equals("spec");
                inConfig = false;
            } else if (inSpec && indent == 2) {
                inConfig = key.equals("config");
                if (!inConfig) {
                    values.put("spec." + key, value);
                }
            } else if (inConfig && indent == 4) {
                values.put("config." + key, value);
            }
        }
        return values;
    }

    private static String unquote(String value) {
        return value.length() >= 2 && value.startsWith("'") && value.endsWith("'")
                ? value.substring(1, value.length() - 1) : value;
    }
}
