package votes.ledger.relay;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * {@code cdc-relay.properties} with every {@code ${NAME:default}} resolved, split into what Debezium's engine
 * takes (the connector's own keys plus the engine's offset keys: everything a Kafka Connect worker would be
 * given), what the Kafka producer takes ({@code producer.*}) and what this process takes ({@code relay.*}).
 */
public final class RelayConfig {

    public static final String RESOURCE = "cdc-relay.properties";
    /** Env var naming a properties file to use instead of the bundled resource (same format). */
    public static final String CONFIG_FILE_ENV = "RELAY_CONFIG_FILE";

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_.]*)(?::([^}]*))?}");
    private static final String PRODUCER = "producer.";
    private static final String RELAY = "relay.";

    private final Map<String, String> values;

    private RelayConfig(Map<String, String> values) {
        this.values = values;
    }

    /** The bundled resource (or {@code RELAY_CONFIG_FILE}), resolved against the environment then system properties. */
    public static RelayConfig load(Function<String, String> environment) {
        Function<String, String> lookup = name -> {
            String value = environment.apply(name);
            return value != null ? value : System.getProperty(name);
        };
        String file = lookup.apply(CONFIG_FILE_ENV);
        Properties raw = new Properties();
        try (InputStream in = file == null || file.isBlank()
                ? RelayConfig.class.getClassLoader().getResourceAsStream(RESOURCE)
                : Files.newInputStream(Path.of(file))) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the classpath");
            }
            raw.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the relay configuration", e);
        }
        return of(raw, lookup);
    }

    public static RelayConfig of(Properties raw, Function<String, String> lookup) {
        Map<String, String> values = new LinkedHashMap<>();
        raw.stringPropertyNames().stream().sorted()
                .forEach(key -> values.put(key, resolve(key, raw.getProperty(key), lookup)));
        return new RelayConfig(values);
    }

    static String resolve(String key, String value, Function<String, String> lookup) {
        Matcher matcher = PLACEHOLDER.matcher(value);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String found = lookup.apply(matcher.group(1));
            if (found == null) {
                found = matcher.group(2);
            }
            if (found == null) {
                throw new IllegalStateException(key + " needs " + matcher.group(1) + " (no default)");
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(found));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    /** What the Debezium engine is given: the connector's keys and the engine's own, no relay or producer keys. */
    public Properties engine() {
        Properties engine = new Properties();
        values.forEach((key, value) -> {
            if (!key.startsWith(PRODUCER) && !key.startsWith(RELAY)) {
                engine.setProperty(key, value);
            }
        });
        return engine;
    }

    /** The Kafka producer's settings; records arrive already converted to bytes. */
    public Map<String, Object> producer() {
        Map<String, Object> producer = new LinkedHashMap<>();
        values.forEach((key, value) -> {
            if (key.startsWith(PRODUCER)) {
                producer.put(key.substring(PRODUCER.length()), value);
            }
        });
        producer.put("key.serializer", ByteArraySerializer.class.getName());
        producer.put("value.serializer", ByteArraySerializer.class.getName());
        return producer;
    }

    public String get(String key) {
        String value = values.get(key);
        if (value == null) {
            throw new IllegalStateException("missing relay configuration key " + key);
        }
        return value;
    }

    public int httpPort() {
        return Integer.parseInt(get("relay.http.port"));
    }

    public String httpHost() {
        return get("relay.http.host");
    }

    public long retryBackoffMs() {
        return Long.parseLong(get("relay.retry.backoff.ms"));
    }

    public String skippedTopicPrefix() {
        return get("relay.skip.topic.prefix");
    }

    public Path offsetsFile() {
        return Path.of(get("offset.storage.file.filename"));
    }

    /** The engine's {@code name}: the first element of its key in the offsets file. */
    public String engineName() {
        return get("name");
    }

    public String slotName() {
        return get("slot.name");
    }

    public boolean slotDropOnStop() {
        return Boolean.parseBoolean(get("slot.drop.on.stop"));
    }

    /** The pause before the first restart of a failed (or refused) engine; it doubles per failure in a row. */
    public Duration restartFirst() {
        return Duration.ofMillis(Long.parseLong(get("relay.restart.first.ms")));
    }

    public Duration restartMax() {
        return Duration.ofMillis(Long.parseLong(get("relay.restart.max.ms")));
    }

    public Duration slotCheckInterval() {
        return Duration.ofMillis(Long.parseLong(get("relay.slot.check.interval.ms")));
    }

    public int slotCheckTimeoutSeconds() {
        return Integer.parseInt(get("relay.slot.check.timeout.s"));
    }

    /** Every resolved key, passwords masked: what the relay logs at start. */
    public String describe() {
        StringBuilder out = new StringBuilder();
        values.forEach((key, value) -> out.append("\n  ").append(key).append('=')
                .append(key.contains("password") ? "****" : value));
        return out.toString();
    }
}
