package votes.infra.service;

import java.nio.file.Path;
import java.util.List;
import java.util.function.ToIntFunction;
import votes.infra.stack.StackPorts;

/** A Quarkus service of the stack: its module folder and which of the stack's ports it listens on. */
public record ServiceSpec(String name, String label, String module, ToIntFunction<StackPorts> port) {

    public static final ServiceSpec LEDGER = new ServiceSpec("ledger", "ledger", "ledger", StackPorts::ledger);
    public static final ServiceSpec INGEST = new ServiceSpec("ingest", "ingest", "ingest", StackPorts::ingest);

    /** Start order: the ledger first (ingest asks it for polls on a cache miss). */
    public static final List<ServiceSpec> ALL = List.of(LEDGER, INGEST);

    public Path jar(Path repoRoot) {
        return repoRoot.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
    }

    public static ServiceSpec named(String name) {
        return ALL.stream().filter(s -> s.name.equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown service " + name));
    }
}
