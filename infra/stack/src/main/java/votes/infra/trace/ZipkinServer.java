package votes.infra.trace;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import votes.infra.stack.Detached;
import votes.infra.stack.ManagedProcess;
import votes.infra.stack.MavenArtifact;
import votes.infra.stack.Probes;
import votes.infra.stack.StackSettings;

/**
 * The trace backend of {@code ./vote up --observability}: Zipkin's server, the self-contained exec jar
 * ({@code io.zipkin:zipkin-server:<version>:exec}) from Maven Central, run by this JVM's java on 127.0.0.1 with
 * in-memory storage. Chosen over an OpenTelemetry collector because it is on Maven Central (the collector is a Go
 * binary, not fetchable here) and answers one trace as JSON itself ({@link #traceQueryUrl}); the services export to
 * it in Zipkin's JSON v2 ({@code votes.kit.trace}). Memory only: traces are for looking at a running stack, not for
 * keeping, and a restart starts empty.
 */
public final class ZipkinServer extends ManagedProcess {

    /** VOTE_ZIPKIN_VERSION picks another 3.x. */
    public static final String DEFAULT_VERSION = "3.5.1";
    /** The exec jar is ~80 MB; a slow mirror takes minutes. */
    private static final long FETCH_TIMEOUT_SECONDS = 900;
    /** Spring Boot and Armeria start in ~5 s on a quiet machine; a minute and more under a load of 20. */
    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
    /** In-memory spans for one developer's stack: a small heap, and a cap on spans so it stays small. */
    private static final String HEAP = "-Xmx256m";
    private static final String MAX_SPANS = "100000";

    public ZipkinServer(StackSettings settings) {
        super(settings);
    }

    @Override
    public String name() {
        return "zipkin";
    }

    @Override
    public String label() {
        return "Zipkin";
    }

    @Override
    public int port() {
        return settings.ports().trace();
    }

    /** Where the services send spans (Zipkin JSON v2). */
    public String spansEndpoint() {
        return origin() + "/api/v2/spans";
    }

    /** One trace as JSON (an array of spans; 404 until a span of it arrived), {@code {traceId}} to fill in. */
    public String traceQueryUrl() {
        return origin() + "/api/v2/trace/{traceId}";
    }

    /** What a service needs to trace: the SDK and the Kafka connector's record spans on, and where to export (ServiceEnv
     * adds it while this is up). */
    public Map<String, String> serviceEnv() {
        return Map.of("OTEL_SDK_DISABLED", "false", "VOTE_MESSAGING_TRACING", "true",
                "VOTE_TRACE_ZIPKIN_ENDPOINT", spansEndpoint());
    }

    @Override
    public boolean isUp() {
        return super.isUp() && Probes.httpStatus(origin() + "/health") == 200;
    }

    @Override
    protected String launch() {
        String version = System.getenv().getOrDefault("VOTE_ZIPKIN_VERSION", DEFAULT_VERSION);
        Path jar = new MavenArtifact("io.zipkin:zipkin-server:" + version + ":jar:exec",
                "zipkin-server-" + version + "-exec.jar").fetch(settings.repoRoot(),
                settings.home().resolve("cache").resolve("downloads"), settings.logFile(name()), FETCH_TIMEOUT_SECONDS);
        Process process = Detached.start(command(jar), settings.logFile(name()), settings.home(),
                Map.of("STORAGE_TYPE", "mem", "MEM_MAX_SPANS", MAX_SPANS, "QUERY_PORT", Integer.toString(port())));
        record(process.pid());
        if (!Probes.await(START_TIMEOUT, process.toHandle(), this::isUp)) {
            throw failed(process.isAlive() ? "does not answer " + origin() + "/health after "
                    + START_TIMEOUT.toSeconds() + " s" : "exited at start");
        }
        return "up on " + origin() + " (Zipkin " + version + ", in memory; traces at " + traceQueryUrl() + ")";
    }

    /** Loopback only, like every other part of the stack: Armeria's port list, overridden on the command line. */
    private List<String> command(Path jar) {
        List<String> command = javaCommand(HEAP, "-XX:+UseSerialGC");
        command.addAll(List.of("-jar", jar.toString(), "--armeria.ports[0].ip=127.0.0.1",
                "--armeria.ports[0].port=" + port(), "--armeria.ports[0].protocols[0]=http"));
        return command;
    }

    private String origin() {
        return "http://127.0.0.1:" + port();
    }
}
