package votes.infra.service;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import votes.infra.stack.Detached;
import votes.infra.stack.ManagedProcess;
import votes.infra.stack.Probes;
import votes.infra.stack.StackSettings;

/** A packaged service run as its own JVM, configured only through the contract's env vars. */
public final class ServiceProcess extends ManagedProcess {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);

    private final ServiceSpec spec;
    private final Map<String, String> envOverrides;

    public ServiceProcess(StackSettings settings, ServiceSpec spec) {
        this(settings, spec, Map.of());
    }

    /**
     * A second instance of a service beside the stack's own (e.g. the ledger of {@code ./vote ledger rebuild}): its
     * own name for pid, port and log files, and these variables on top of the contract's.
     */
    public ServiceProcess(StackSettings settings, ServiceSpec spec, Map<String, String> envOverrides) {
        super(settings);
        this.spec = spec;
        this.envOverrides = Map.copyOf(envOverrides);
    }

    @Override
    public String name() {
        return spec.name();
    }

    @Override
    public String label() {
        return spec.label();
    }

    @Override
    public int port() {
        return spec.port().applyAsInt(settings.ports());
    }

    public boolean isBuilt() {
        return Files.isRegularFile(spec.jar(settings.repoRoot()));
    }

    public String readyUrl() {
        return "http://127.0.0.1:" + port() + "/q/health/ready";
    }

    @Override
    public boolean isUp() {
        return super.isUp() && Probes.httpStatus(readyUrl()) == 200;
    }

    @Override
    protected String launch() {
        Path jar = spec.jar(settings.repoRoot());
        if (!Files.isRegularFile(jar)) {
            throw new ServiceNotBuiltException(label() + " is not built (" + settings.repoRoot().relativize(jar)
                    + " missing): ./mvnw -q -pl " + spec.module() + " -am install -DskipTests");
        }
        List<String> command = javaCommand("-Xmx512m");
        command.addAll(spec.launchArguments(settings.repoRoot()));
        Map<String, String> env = new java.util.LinkedHashMap<>(ServiceEnv.of(settings, spec, port()));
        env.putAll(envOverrides);
        Process process = Detached.start(command, settings.logFile(name()), settings.home(), env);
        record(process.pid());
        if (!Probes.await(READY_TIMEOUT, process.toHandle(), () -> Probes.httpStatus(readyUrl()) == 200)) {
            throw failed(process.isAlive()
                    ? "not ready after " + READY_TIMEOUT.toSeconds() + " s (" + readyUrl() + " is not 200)"
                    : "exited at start (exit " + process.exitValue() + ")");
        }
        return "up on http://127.0.0.1:" + port();
    }
}
