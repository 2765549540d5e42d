package votes.infra.kafka.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import votes.infra.secret.StackSecrets;
import votes.infra.stack.StackSettings;

/**
 * How a client reaches this stack's Kafka as one of its principals: bootstrap plus SASL_PLAINTEXT/SCRAM-SHA-512 with
 * the principal's generated password. The one place infra, the CLIs, the services' environment and the tests get
 * Kafka client settings from.
 */
public final class KafkaAccess {

    public static final String PROTOCOL = "SASL_PLAINTEXT";
    public static final String MECHANISM = "SCRAM-SHA-512";

    private final StackSettings settings;
    private final StackSecrets secrets;

    private KafkaAccess(StackSettings settings, StackSecrets secrets) {
        this.settings = settings;
        this.secrets = secrets;
    }

    public static KafkaAccess of(StackSettings settings) {
        return new KafkaAccess(settings, StackSecrets.in(settings.secretsDir()));
    }

    /** The principal's password (generated on first use, then kept with the stack). */
    public String password(KafkaPrincipal principal) {
        return secrets.get(principal.secretName());
    }

    /** The client's {@code sasl.jaas.config} value. */
    public String scramJaas(KafkaPrincipal principal) {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + principal.user()
                + "\" password=\"" + password(principal) + "\";";
    }

    /** SASL settings without the bootstrap (for clients given their servers elsewhere). */
    public Map<String, String> sasl(KafkaPrincipal principal) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("security.protocol", PROTOCOL);
        config.put("sasl.mechanism", MECHANISM);
        config.put("sasl.jaas.config", scramJaas(principal));
        return config;
    }

    /** A complete client configuration: this stack's brokers and the principal's SASL settings. */
    public Map<String, Object> client(KafkaPrincipal principal) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("bootstrap.servers", settings.kafkaBootstrap());
        config.putAll(sasl(principal));
        return config;
    }

    /** The admin's client configuration (a super user): infra's own admin clients, operators and tests. */
    public Map<String, Object> admin() {
        return client(KafkaPrincipal.ADMIN);
    }

    /**
     * The admin over PLAIN: only for a home formatted before SCRAM users existed, where the broker accepts PLAIN for
     * the admin ({@link #adminPlainJaas()}) until the SCRAM users are in.
     */
    public Map<String, Object> adminPlain() {
        Map<String, Object> config = admin();
        config.put("sasl.mechanism", "PLAIN");
        config.put("sasl.jaas.config", plainJaas(KafkaPrincipal.ADMIN));
        return config;
    }

    /** The controller listener's PLAIN login, as client and as the one user the controllers accept. */
    public String controllerJaas() {
        return plainJaas(KafkaPrincipal.BROKER);
    }

    /** The client listener's PLAIN users while a home formatted without SCRAM users is brought up to them. */
    public String adminPlainJaas() {
        return plainJaas(KafkaPrincipal.ADMIN);
    }

    /** PlainLoginModule with the principal as client login and as the one user a server side accepts. */
    private String plainJaas(KafkaPrincipal principal) {
        String password = password(principal);
        return "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"" + principal.user()
                + "\" password=\"" + password + "\" user_" + principal.user() + "=\"" + password + "\";";
    }

    /** The environment a service reads its Kafka login from (each module's application.properties maps these). */
    public Map<String, String> serviceEnv(KafkaPrincipal principal) {
        return Map.of("KAFKA_SECURITY_PROTOCOL", PROTOCOL, "KAFKA_SASL_MECHANISM", MECHANISM,
                "KAFKA_SASL_JAAS_CONFIG", scramJaas(principal));
    }

    /**
     * Writes the principal's client properties ({@code kafka-<name>.properties}, owner-only) for command-line tools:
     * {@code kafka-console-consumer --consumer.config}, {@code kcat -F}, the audit CLI's {@code --kafka-config}.
     */
    public Path writeClientConfig(KafkaPrincipal principal) {
        String lines = client(principal).entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("\n", "# " + principal.principal() + " on this stack's Kafka\n", "\n"));
        return secrets.writePrivate(configFile(principal).getFileName().toString(), lines);
    }

    /** Writes a file only its owner can read (a broker's server.properties holds the broker's password). */
    public void writeOwnerOnly(Path file, String content) {
        try {
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** Where {@link #writeClientConfig} puts the principal's file. */
    public Path configFile(KafkaPrincipal principal) {
        return secrets.file("kafka-" + principal.user() + ".properties");
    }

    /** Every SCRAM user the stack's Kafka holds: all principals (the broker too: inter-broker is SCRAM). */
    public static List<KafkaPrincipal> scramUsers() {
        return List.of(KafkaPrincipal.values());
    }
}
