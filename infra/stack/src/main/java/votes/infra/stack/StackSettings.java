package votes.infra.stack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import votes.infra.postgres.role.DatabaseLogin;
import votes.infra.postgres.role.DatabaseRole;
import votes.infra.redis.acl.RedisLogin;
import votes.infra.secret.StackSecrets;
import votes.infra.token.TokenPolicy;

/**
 * What a stack instance is: where it lives, its ports and the shared settings the services read.
 * The CLI builds one from the environment, the tests build an ephemeral one under target/.
 *
 * @param voterIdKey the VOTER_ID_KEY the environment names, or null: then this stack's generated one
 */
public record StackSettings(Path home, Path repoRoot, StackPorts ports, int votesPartitions, TokenPolicy jwt,
                            String voterIdKey, int brokers) {

    public static final String DEFAULT_ISSUER = TokenPolicy.DEFAULT_ISSUER;
    /** The names of the services' secrets under {@link #secretsDir()}. */
    static final String VOTER_ID_KEY_SECRET = "voter-id-key";
    static final String CHALLENGE_SECRET = "challenge-secret";
    static final String CLIENT_FACTS_KEY_SECRET = "client-facts-key";

    public static StackSettings fromEnv(Map<String, String> env, Path repoRoot) {
        String home = env.get("VOTE_HOME");
        Path homeDir = home == null || home.isBlank() ? repoRoot.resolve(".vote") : Path.of(home);
        return new StackSettings(homeDir.toAbsolutePath().normalize(), repoRoot, StackPorts.fromEnv(env),
                Integer.parseInt(env.getOrDefault("VOTES_PARTITIONS", "6")),
                TokenPolicy.fromEnv(env),
                blankIsNull(env.get("VOTER_ID_KEY")), 1);
    }

    /** A private stack for one test JVM: free ports, data under the given directory. */
    public static StackSettings ephemeral(Path home, Path repoRoot) {
        return new StackSettings(home.toAbsolutePath().normalize(), repoRoot, StackPorts.ephemeral(), 6,
                TokenPolicy.defaults(), null, 1);
    }

    /**
     * The pseudonym key the services share: an explicit VOTER_ID_KEY (one a deployment keeps elsewhere) wins, else
     * this stack's generated one. Never a public value: the services refuse those outside dev and tests.
     */
    @Override
    public String voterIdKey() {
        return voterIdKey != null ? voterIdKey : secrets().get(VOTER_ID_KEY_SECRET);
    }

    /** VOTE_CHALLENGE_SECRET: what makes ingest's proof-of-work challenges unforgeable. Generated per stack. */
    public String challengeSecret() {
        return secrets().get(CHALLENGE_SECRET);
    }

    /** CLIENT_FACTS_KEY: the HMAC key of client addresses and user agents in ingest. Generated per stack. */
    public String clientFactsKey() {
        return secrets().get(CLIENT_FACTS_KEY_SECRET);
    }

    /** This stack's generated credentials and keys, one file each (0600) under {@link #secretsDir()}. */
    public StackSecrets secrets() {
        return StackSecrets.in(secretsDir());
    }

    private static String blankIsNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    public StackSettings withPorts(StackPorts other) {
        return new StackSettings(home, repoRoot, other, votesPartitions, jwt, voterIdKey, brokers);
    }

    /** The Kafka brokers of this stack; the count a stack home was first started with is kept in its data. */
    public StackSettings withBrokers(int count) {
        if (count < 1 || count > StackPorts.MAX_BROKERS) {
            throw new IllegalArgumentException("a stack has 1 to " + StackPorts.MAX_BROKERS + " Kafka brokers, not " + count);
        }
        return new StackSettings(home, repoRoot, ports, votesPartitions, jwt, voterIdKey, count);
    }

    public String jwtIssuer() {
        return jwt.issuer();
    }

    public Path dataDir(String component) {
        return home.resolve("data").resolve(component);
    }

    public Path logFile(String component) {
        return home.resolve("logs").resolve(component + ".log");
    }

    public Path runDir() {
        return home.resolve("run");
    }

    public Path keysDir() {
        return home.resolve("keys");
    }

    /** Generated passwords and HMAC keys of this stack ({@link StackSecrets}), 0700. */
    public Path secretsDir() {
        return home.resolve("secrets");
    }

    /** The stack's local CA and the gateway's certificate ({@link votes.infra.tls.ServerCertificate}). */
    public Path tlsDir() {
        return home.resolve("tls");
    }

    /** What a client trusts the gateway's HTTPS port with: the local CA's certificate (public). */
    public Path caFile() {
        return tlsDir().resolve("ca.pem");
    }

    public Path publicKey() {
        return keysDir().resolve("jwt-public.pem");
    }

    public Path privateKey() {
        return keysDir().resolve("jwt-private.pem");
    }

    /** The ledger's checkpoint signing key (Ed25519, PKCS#8 PEM). */
    public Path checkpointPrivateKey() {
        return keysDir().resolve("checkpoint-private.pem");
    }

    /** What auditors verify checkpoints with (Ed25519, X.509 PEM). */
    public Path checkpointPublicKey() {
        return keysDir().resolve("checkpoint-public.pem");
    }

    /** Every broker, so a client still finds the cluster when the first broker is down. */
    public String kafkaBootstrap() {
        return String.join(",", java.util.stream.IntStream.rangeClosed(1, brokers)
                .mapToObj(node -> "127.0.0.1:" + ports.kafka(node)).toList());
    }

    /** With the stack's Redis user and password: the one place services and tests take them from. */
    public String redisUrl() {
        return RedisLogin.of(secrets()).url(ports.redis());
    }

    /** The role's user and its generated password: the one place tests and the launcher take them from. */
    public DatabaseLogin pgLogin(DatabaseRole role) {
        return role.login(secrets());
    }

    /**
     * What {@code ./vote env PGURL} prints: the read-only role's URL. Operators look (psql "$PGURL") and
     * {@code ./vote audit} reads it; neither may change the ledger. Schema work takes {@link DatabaseRole#OWNER}'s.
     */
    public String pgUrl() {
        return pgUrl(DatabaseRole.READER);
    }

    public String pgUrl(DatabaseRole role) {
        return pgLogin(role).url("127.0.0.1:" + ports.postgres(), "votes");
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + ports.postgres() + "/votes";
    }

    public String gatewayUrl() {
        return "http://localhost:" + ports.gateway();
    }

    /** The gateway's HTTPS origin (TLS 1.3 only); its certificate names localhost and 127.0.0.1. */
    public String gatewayTlsUrl() {
        return "https://localhost:" + ports.gatewayTls();
    }

    /** Walks up from a directory to the repo root, recognised by the ./vote script next to the root pom. */
    public static Path findRepoRoot(Path from) {
        String property = System.getProperty("vote.root");
        if (property != null && !property.isBlank() && Files.exists(Path.of(property, "vote"))) {
            return Path.of(property).toAbsolutePath().normalize();
        }
        for (Path dir = from.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("vote")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("Cannot find the repo root (a folder holding ./vote) above " + from
                + "; set -Dvote.root=<repo>");
    }
}
