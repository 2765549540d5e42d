package votes.infra.service;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import votes.infra.identity.VotesRealm;
import votes.infra.stack.Detached;
import votes.infra.stack.ManagedProcess;
import votes.infra.stack.Probes;
import votes.infra.stack.StackSettings;
import votes.infra.tls.ServerCertificate;

/**
 * The gateway as a component of the stack: its own JVM from its own jar (infra/gateway), routed to the stack's
 * service ports. Like the services, it is known here only by its jar, main class and env vars, not its code.
 * It serves plain HTTP on {@code gateway} (local use) and HTTPS, TLS 1.3 only, on {@code gatewayTls}, with the
 * stack's {@link ServerCertificate} (issued before the first start, kept after).
 */
public final class GatewayProcess extends ManagedProcess {
    private static final String JAR = "votes-gateway.jar";

    static final String MODULE = "infra/gateway";
    static final String MAIN_CLASS = "votes.infra.gateway.Gateway";

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

    /** Its jar and lib/ are in this checkout's infra/gateway/target: {@code ./vote up} can start it. */
    public boolean isBuilt() {
        Path target = target();
        return Files.isRegularFile(target.resolve(JAR)) && Files.isDirectory(target.resolve("lib"));
    }

    private Path target() {
        return settings.repoRoot().resolve(MODULE).resolve("target");
    }

    @Override
    protected String launch() {
        Path target = target();
        Path jar = target.resolve(JAR);
        if (!isBuilt()) {
            throw new ServiceNotBuiltException(label() + " is not built (" + settings.repoRoot().relativize(jar)
                    + " or its lib/ missing): ./mvnw -q -pl " + MODULE + " -am package -DskipTests");
        }
        ServerCertificate tls = ServerCertificate.of(settings);
        String certificate = tls.ensure();
        List<String> command = javaCommand("-Xmx128m", "-XX:+UseSerialGC");
        command.addAll(List.of("-cp", jar + File.pathSeparator + target.resolve("lib") + "/*", MAIN_CLASS));
        Process process = Detached.start(command, settings.logFile(name()), settings.home(), env(tls));
        record(process.pid());
        int tlsPort = settings.ports().gatewayTls();
        if (!Probes.await(Duration.ofSeconds(30), process.toHandle(),
                () -> Probes.portAccepts(port()) && Probes.portAccepts(tlsPort))) {
            throw failed(process.isAlive() ? "did not open ports " + port() + " and " + tlsPort : "exited at start");
        }
        return "up on " + settings.gatewayUrl() + " and " + settings.gatewayTlsUrl() + " (TLS 1.3; " + certificate + ")";
    }

    /** The stack's wiring (GatewayConfig reads it); GATEWAY_* knobs come from the caller's environment, inherited. */
    private Map<String, String> env(ServerCertificate tls) {
        var ports = settings.ports();
        return Map.of("HTTP_PORT", Integer.toString(port()),
                "INGEST_URL", "http://127.0.0.1:" + ports.ingest(),
                "LEDGER_URL", "http://127.0.0.1:" + ports.ledger(),
                "REALTIME_URL", "http://127.0.0.1:" + ports.realtime(),
                "HTTPS_PORT", Integer.toString(ports.gatewayTls()),
                "TLS_CERT_FILE", tls.certFile().toString(),
                "TLS_KEY_FILE", tls.keyFile().toString(),
                // The pages sign in at the realm: its origin goes into the pages' CSP (connect-src), nothing else.
                "OIDC_ISSUER", new VotesRealm(settings).issuer());
    }
}
