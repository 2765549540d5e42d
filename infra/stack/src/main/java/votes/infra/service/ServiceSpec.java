package votes.infra.service;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.ToIntFunction;
import votes.infra.postgres.role.DatabaseRole;
import votes.infra.stack.StackPorts;

/**
 * A service of the stack: its module folder, which of the stack's ports it listens on, and how it is
 * launched. Most are Quarkus fast-jars; the CDC relay is a plain Java main because Debezium needs a newer
 * Kafka client than the Quarkus BOM's.
 */
public record ServiceSpec(String name, String label, String module, ToIntFunction<StackPorts> port, String mainClass) {

    public static final ServiceSpec LEDGER = quarkus("ledger", "ledger", StackPorts::ledger);
    public static final ServiceSpec CDC_RELAY = new ServiceSpec("cdc-relay", "cdc-relay", "ledger/cdc-relay",
            StackPorts::relay, "votes.ledger.relay.CdcRelay");
    public static final ServiceSpec PROJECTIONS = quarkus("projections", "projections", StackPorts::projections);
    public static final ServiceSpec REALTIME = quarkus("realtime", "realtime", StackPorts::realtime);
    public static final ServiceSpec INGEST = quarkus("ingest", "ingest", StackPorts::ingest);

    /**
     * Start order, in tiers whose members start together (each JVM mostly waits for its clients to connect and its
     * consumers to join, so a tier costs about its slowest member, not the sum). First the ledger, which creates the
     * schema and the publication the relay streams, and which ingest asks for polls on a cache miss, beside the two
     * that need only Kafka's topics (projections, realtime). Then the relay and ingest: ingest last so no vote is
     * taken before the ledger side is ready.
     */
    public static final List<List<ServiceSpec>> START_TIERS = List.of(List.of(LEDGER, PROJECTIONS, REALTIME),
            List.of(CDC_RELAY, INGEST));

    /** Every service, in start order. */
    public static final List<ServiceSpec> ALL = START_TIERS.stream().flatMap(List::stream).toList();

    private static ServiceSpec quarkus(String name, String module, ToIntFunction<StackPorts> port) {
        return new ServiceSpec(name, name, module, port, null);
    }

    /**
     * The PostgreSQL role this service logs in as, by module (so a rebuild's second ledger is the ledger too);
     * none for services that never touch PostgreSQL (realtime, projections, ingest).
     */
    public Optional<DatabaseRole> databaseRole() {
        return switch (module) {
            case "ledger" -> Optional.of(DatabaseRole.LEDGER);
            case "ledger/cdc-relay" -> Optional.of(DatabaseRole.RELAY);
            default -> Optional.empty();
        };
    }

    /** The file whose presence means "built". */
    public Path jar(Path repoRoot) {
        Path target = repoRoot.resolve(module).resolve("target");
        return mainClass == null ? target.resolve("quarkus-app/quarkus-run.jar")
                : target.resolve("votes-" + name + ".jar");
    }

    /** The JVM arguments after the java binary and heap settings. */
    public List<String> launchArguments(Path repoRoot) {
        Path jar = jar(repoRoot);
        if (mainClass == null) {
            return List.of("-jar", jar.toString());
        }
        return List.of("-cp", jar + java.io.File.pathSeparator + jar.resolveSibling("lib") + "/*", mainClass);
    }

    /** Whether this checkout has the service at all (a module arrives with its issue). */
    public boolean isPresent(Path repoRoot) {
        return Files.isRegularFile(repoRoot.resolve(module).resolve("pom.xml"));
    }

    public static ServiceSpec named(String name) {
        return ALL.stream().filter(s -> s.name.equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown service " + name));
    }
}
