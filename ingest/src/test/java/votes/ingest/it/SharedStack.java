package votes.ingest.it;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import votes.infra.test.LocalStackResource;
import votes.infra.test.TestStack;
import votes.infra.token.DevKeys;
import votes.infra.token.TokenMinter;

/**
 * One real stack for every ingest IT of the JVM. {@link LocalStackResource} keeps its stack in a static
 * field, but each Quarkus test application (one per test profile or resource set) loads it in a fresh class
 * loader, so without this every IT class would start its own Kafka, PostgreSQL and Redis in the same
 * directory. What later applications need is handed over through system properties, which all class
 * loaders share.
 */
final class SharedStack {

    private static final String PREFIX = "votes.ingest.it.stack.";
    private static final String CONFIG = PREFIX + "config.";

    private SharedStack() {
    }

    static synchronized Map<String, String> quarkusConfig() {
        if (System.getProperty(PREFIX + "ready") == null) {
            TestStack stack = LocalStackResource.stack();
            stack.quarkusConfig().forEach((key, value) -> System.setProperty(CONFIG + key, value));
            System.setProperty(PREFIX + "kafka", stack.kafkaBootstrap());
            System.setProperty(PREFIX + "private-key", stack.settings().privateKey().toString());
            System.setProperty(PREFIX + "public-key", stack.settings().publicKey().toString());
            System.setProperty(PREFIX + "issuer", stack.settings().jwtIssuer());
            System.setProperty(PREFIX + "ready", "true");
        }
        Map<String, String> config = new LinkedHashMap<>();
        System.getProperties().stringPropertyNames().stream().filter(name -> name.startsWith(CONFIG))
                .forEach(name -> config.put(name.substring(CONFIG.length()), System.getProperty(name)));
        return config;
    }

    static String kafkaBootstrap() {
        quarkusConfig();
        return System.getProperty(PREFIX + "kafka");
    }

    static String issuer() {
        quarkusConfig();
        return System.getProperty(PREFIX + "issuer");
    }

    static TokenMinter tokens() {
        quarkusConfig();
        DevKeys keys = new DevKeys(Path.of(System.getProperty(PREFIX + "private-key")),
                Path.of(System.getProperty(PREFIX + "public-key")));
        return new TokenMinter(keys.privateKey(), issuer());
    }
}
