package votes.audit.cli;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.Properties;
import picocli.CommandLine.Option;

/**
 * Where the log and the ledger are: the contract's env vars, each overridable by an option. Defaults are the local
 * stack's (./vote up), so `./vote audit replay` needs no arguments.
 */
public final class Connections {

    static Map<String, String> env = System.getenv();

    @Option(names = "--kafka", paramLabel = "HOST:PORT",
            description = "Kafka bootstrap servers (env KAFKA_BOOTSTRAP, default ${DEFAULT-VALUE}).",
            defaultValue = "${env:KAFKA_BOOTSTRAP:-127.0.0.1:9092}")
    String kafka;

    @Option(names = "--kafka-config", paramLabel = "FILE",
            description = "Kafka client properties with the login (security.protocol, sasl.*), e.g. the stack's "
                    + "read-only auditor: env AUDIT_KAFKA_CONFIG, which ./vote env sets. None: a plain connection.",
            defaultValue = "${env:AUDIT_KAFKA_CONFIG}")
    Path kafkaConfig;

    @Option(names = "--pg-url", paramLabel = "URL",
            description = "PostgreSQL: jdbc:postgresql://host:port/db or postgresql://user:pass@host:port/db "
                    + "(env PGURL; else PG_HOST/PG_PORT/PG_DATABASE, default 127.0.0.1:5433/votes).")
    String pgUrl;

    @Option(names = "--pg-user", paramLabel = "USER", description = "env PG_USER, default votes_reader (the read-only role).")
    String pgUser;

    @Option(names = "--pg-password", paramLabel = "PASSWORD", description = "env PG_PASSWORD; no default (./vote env PGURL carries the reader's).")
    String pgPassword;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "30",
            description = "How long to wait for a server that makes no progress (Kafka, PostgreSQL, the API) before "
                    + "giving up with exit 2 (default ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Option(names = "--public-key", paramLabel = "PEM",
            description = "The trusted Ed25519 public key of checkpoints (env CHECKPOINT_PUBLIC_KEY_FILE, default "
                    + ".vote/keys/checkpoint-public.pem).")
    Path publicKey;

    public String kafka() {
        return kafka;
    }

    /** The Kafka client settings: the --kafka-config file's (its login), with --kafka as bootstrap.servers. */
    public Map<String, Object> kafkaClient() {
        Map<String, Object> client = new java.util.HashMap<>();
        if (kafkaConfig != null) {
            Properties file = new Properties();
            try (java.io.Reader in = java.nio.file.Files.newBufferedReader(kafkaConfig)) {
                file.load(in);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException("cannot read the Kafka client properties " + kafkaConfig, e);
            }
            file.stringPropertyNames().forEach(key -> client.put(key, file.getProperty(key)));
        }
        client.put("bootstrap.servers", kafka);
        return client;
    }

    /** How long a server may answer nothing before the audit gives up (exit 2). */
    public Duration timeout() {
        return Duration.ofSeconds(timeoutSeconds);
    }

    public Path publicKey() {
        if (publicKey != null) {
            return publicKey;
        }
        String file = env.get("CHECKPOINT_PUBLIC_KEY_FILE");
        return Path.of(file == null || file.isBlank() ? ".vote/keys/checkpoint-public.pem" : file);
    }

    /** jdbc URL, user, password, from the option, PGURL or PG_*, in that order. */
    public JdbcTarget jdbc() {
        String url = pgUrl != null ? pgUrl : env.get("PGURL");
        // The read-only role by default, and no password: the stack generates one per role (./vote env PGURL carries it).
        String user = pgUser != null ? pgUser : env.getOrDefault("PG_USER", "votes_reader");
        String password = pgPassword != null ? pgPassword : env.get("PG_PASSWORD");
        if (url == null || url.isBlank()) {
            url = "jdbc:postgresql://" + env.getOrDefault("PG_HOST", "127.0.0.1") + ":" + env.getOrDefault("PG_PORT", "5433")
                    + "/" + env.getOrDefault("PG_DATABASE", "votes");
        } else if (url.startsWith("postgresql://") || url.startsWith("postgres://")) {
            // libpq's form, as `./vote env PGURL` prints it: credentials move out of the URL.
            URI uri = URI.create(url);
            String info = uri.getUserInfo();
            if (info != null) {
                int colon = info.indexOf(':');
                if (pgUser == null) {
                    user = colon < 0 ? info : info.substring(0, colon);
                }
                if (pgPassword == null && colon >= 0) {
                    password = info.substring(colon + 1);
                }
            }
            // The query stays: libpq's parameters the JDBC driver knows too (sslmode, …) must not be dropped silently.
            url = "jdbc:postgresql://" + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "") + uri.getRawPath()
                    + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        }
        return new JdbcTarget(url, user, password, timeout());
    }

    /** A JDBC target; {@link #connect} opens a connection. */
    public record JdbcTarget(String url, String user, String password, Duration timeout) {

        public Connection connect() throws SQLException {
            Properties props = new Properties();
            props.setProperty("user", user);
            if (password != null) {
                props.setProperty("password", password);
            }
            props.setProperty("ApplicationName", "votes-audit");
            props.setProperty("connectTimeout", Long.toString(timeout.toSeconds()));
            return DriverManager.getConnection(url, props);
        }
    }
}
