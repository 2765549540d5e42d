package votes.infra.identity;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import votes.infra.jdk.Jdk;
import votes.infra.stack.Detached;
import votes.infra.stack.JvmOptions;
import votes.infra.stack.ManagedProcess;
import votes.infra.stack.Probes;
import votes.infra.stack.StackSettings;

/**
 * Keycloak 26 as the stack's OpenID Connect provider: the Maven Central distribution ({@link KeycloakDistribution})
 * run by its own {@code kc.sh start-dev} on a JDK 21+ ({@link KeycloakJava}), on 127.0.0.1 only, with the
 * {@code votes} realm imported on the first start ({@link VotesRealm}). Its database is the dev-file H2 under
 * {@code data/keycloak/h2}: a local identity provider needs no second copy of PostgreSQL's roles, WAL archive and
 * backups, and keeping it out of the ledger's server keeps {@code ./vote pg-drill} and the ledger's restores about
 * the ledger. Ready when the realm's discovery document answers (no management port: one port per component).
 */
public final class KeycloakServer extends ManagedProcess {

    /**
     * A first start augments the distribution (~25 s) and imports the realm into a new database (~40 s) on a quiet
     * machine; four minutes were seen on the 2-core one under a load of 20. A warm restart takes 15-60 s.
     */
    private static final Duration START_TIMEOUT = Duration.ofMinutes(10);
    /** Keycloak flushes its sessions and closes H2 in ~2 s; more under load. */
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);
    /** The stack is small: Keycloak's own default for a non-container host, said out loud so no host changes it. */
    private static final String HEAP = "-Xms64m -Xmx512m";

    private final VotesRealm realm;

    public KeycloakServer(StackSettings settings) {
        super(settings);
        this.realm = new VotesRealm(settings);
    }

    @Override
    public String name() {
        return "keycloak";
    }

    @Override
    public String label() {
        return "Keycloak";
    }

    @Override
    public int port() {
        return settings.ports().keycloak();
    }

    public VotesRealm realm() {
        return realm;
    }

    @Override
    public boolean isUp() {
        return super.isUp() && Probes.httpStatus(realm.wellKnown()) == 200;
    }

    @Override
    protected Duration stopGrace() {
        return STOP_GRACE;
    }

    @Override
    protected String launch() {
        Jdk jdk = KeycloakJava.find(System.getenv());
        // Read at start, not at construction: a bad VOTE_KEYCLOAK_VERSION must not stop `./vote down` or `status`.
        KeycloakDistribution distribution = KeycloakDistribution.of(System.getenv(), settings.home().resolve("cache"),
                settings.repoRoot());
        Path data = settings.dataDir(name());
        boolean firstStart = !data.resolve("h2").toFile().isDirectory();
        String fetched = distribution.ensure(data, settings.logFile(name()));
        realm.writeImport(data.resolve("import"), System.getenv());
        Process process = Detached.start(command(distribution), settings.logFile(name()), distribution.home(),
                environment(jdk));
        record(process.pid());
        if (!Probes.await(START_TIMEOUT, process.toHandle(), () -> Probes.httpStatus(realm.wellKnown()) == 200)) {
            throw failed(process.isAlive() ? "does not serve " + realm.wellKnown() + " after " + START_TIMEOUT.toSeconds()
                    + " s" : "exited at start");
        }
        // kc.sh waits on the JVM (or became it, after an augmentation): the JVM is what holds the port, so its pid
        // is the one to signal; TERM to the script alone would leave the JVM running after a kill -9 of the script.
        record(process.toHandle().descendants().filter(p -> p.info().command().orElse("").endsWith("/java"))
                .mapToLong(ProcessHandle::pid).findFirst().orElse(process.pid()));
        return "up on " + realm.origin() + " (Keycloak " + distribution.version() + " " + fetched + ", Java "
                + jdk.feature() + " from " + jdk.home() + ", realm " + VotesRealm.NAME
                + (firstStart ? " imported" : " kept") + ")";
    }

    private List<String> command(KeycloakDistribution distribution) {
        return List.of(distribution.launcher().toString(), "start-dev", "--http-host=127.0.0.1",
                "--http-port=" + port(), "--hostname=" + realm.origin(), "--import-realm");
    }

    private Map<String, String> environment(Jdk jdk) {
        Map<String, String> env = new LinkedHashMap<>(realm.serverEnv());
        env.put("JAVA_HOME", jdk.home().toString());
        env.put("JAVA", jdk.java().toString());
        env.put("JAVA_OPTS_KC_HEAP", HEAP);
        env.put("JAVA_OPTS_APPEND", String.join(" ", JvmOptions.current().launchFlags(jdk.feature())));
        return env;
    }
}
