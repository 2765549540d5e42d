package votes.infra.gateway;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import votes.infra.stack.Detached;
import votes.infra.stack.ManagedProcess;
import votes.infra.stack.Probes;
import votes.infra.stack.StackSettings;

/** The gateway as a component of the stack: its own JVM, routed to the stack's service ports. */
public final class GatewayProcess extends ManagedProcess {

    public GatewayProcess(StackSettings settings) {
        super(settings);
    }

    @Override
    public String name() {
        return "gateway";
    }

    @Override
    public String label() {
        return "gateway";
    }

    @Override
    public int port() {
        return settings.ports().gateway();
    }

    @Override
    public boolean isUp() {
        return super.isUp() && Probes.httpStatus("http://127.0.0.1:" + port() + "/q/health/ready") == 200;
    }

    @Override
    protected String launch() {
        var ports = settings.ports();
        Process process = Detached.start(List.of(javaBinary(), "-Xmx128m", "-XX:+UseSerialGC", "-cp", classpath(),
                        Gateway.class.getName()), settings.logFile(name()), settings.home(),
                GatewayConfig.env(port(), ports.ingest(), ports.ledger(), ports.realtime()));
        record(process.pid());
        if (!Probes.await(Duration.ofSeconds(30), process.toHandle(), () -> Probes.portAccepts(port()))) {
            throw failed(process.isAlive() ? "did not open port " + port() : "exited at start");
        }
        return "up on " + settings.gatewayUrl();
    }

    /** The built jar and its lib folder (as ./vote runs); inside a test JVM without them, its own classpath. */
    private String classpath() {
        Path target = settings.repoRoot().resolve("infra/stack/target");
        Path jar = target.resolve("votes-infra.jar");
        if (Files.isRegularFile(jar) && Files.isDirectory(target.resolve("lib"))) {
            return jar + File.pathSeparator + target.resolve("lib") + "/*";
        }
        return System.getProperty("java.class.path");
    }
}
