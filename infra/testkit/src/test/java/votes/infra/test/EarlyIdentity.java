package votes.infra.test;

import java.util.concurrent.CompletableFuture;
import votes.infra.identity.KeycloakServer;

/**
 * Keycloak started beside the tests as soon as the shared stack's services are up, when the test JVM asks for it
 * ({@code -Dvotes.test-stack.identity=early}; the end-to-end suite does). Its first start took ~42 s of the suite on the
 * 2-core machine (the distribution fetched and unpacked, its one augmentation, the realm's import), alone, while the
 * suite's first class, FaultsIT, leaves about a core idle (49 % busy over 211 s; system-tests'
 * junit-platform.properties puts it first and RealmTokensIT after it). Whoever needs Keycloak calls
 * {@link #up}: it waits for the early start, and starts Keycloak now if that start failed or Keycloak was stopped
 * since (a whole-stack restart stops it).
 */
final class EarlyIdentity {

    private static final String PROPERTY = "votes.test-stack.identity";
    private static final String EARLY = "early";

    private final KeycloakServer server;
    private CompletableFuture<String> starting;

    EarlyIdentity(KeycloakServer server) {
        this.server = server;
    }

    /** Starts Keycloak on a thread of its own if this JVM asked for an early start, once. */
    synchronized void begin() {
        if (starting == null && EARLY.equals(System.getProperty(PROPERTY))) {
            starting = CompletableFuture.supplyAsync(server::start, task -> {
                Thread thread = new Thread(task, "keycloak-early-start");
                thread.setDaemon(true);
                thread.start();
            });
        }
    }

    /** Keycloak up; what its start said. */
    String up() {
        CompletableFuture<String> early;
        synchronized (this) {
            early = starting;
        }
        if (early == null) {
            return server.start();
        }
        String outcome = early.handle((said, failure) -> failure == null ? said
                : "the early start failed (" + failure.getMessage() + ")").join();
        return server.isUp() ? outcome + ", started beside the tests" : outcome + "; started now: " + server.start();
    }
}
