package votes.infra.metrics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import votes.infra.debian.DebianPackage;
import votes.infra.stack.Detached;
import votes.infra.stack.ManagedProcess;
import votes.infra.stack.Probes;
import votes.infra.stack.StackSettings;

/**
 * The metrics backend of {@code ./vote up --observability}: Prometheus from Debian's {@code prometheus} package (the
 * one whose promtool checks k8s's alert rules), fetched with {@code apt-get download} and unpacked under the stack
 * home's {@code cache/} (no install, no root), run on 127.0.0.1 scraping every component ({@link ScrapeConfig}). A
 * day of retention under the stack's data: enough to look at a running stack and try an alert expression, small on a
 * laptop's disk.
 */
public final class PrometheusServer extends ManagedProcess {

    private static final String PACKAGE = "prometheus";
    private static final String BINARY = "usr/bin/prometheus";
    /** A first start replays nothing and is up in seconds; a minute and more under a load of 20 with a WAL to read. */
    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
    /** Local looking, not keeping: VOTE_PROMETHEUS_RETENTION for longer (Prometheus's duration syntax). */
    private static final String DEFAULT_RETENTION = "1d";

    public PrometheusServer(StackSettings settings) {
        super(settings);
    }

    @Override
    public String name() {
        return "prometheus";
    }

    @Override
    public String label() {
        return "Prometheus";
    }

    @Override
    public int port() {
        return settings.ports().metrics();
    }

    /** Prometheus's UI and HTTP API ({@code /api/v1/query?query=up}). */
    public String url() {
        return "http://127.0.0.1:" + port();
    }

    /** What the stack scrapes, for this stack's ports. */
    public ScrapeConfig scrapeConfig() {
        return ScrapeConfig.of(settings.ports());
    }

    @Override
    public boolean isUp() {
        return super.isUp() && Probes.httpStatus(url() + "/-/ready") == 200;
    }

    @Override
    protected String launch() {
        Path binary = DebianPackage.binary(settings.home().resolve("cache"), PACKAGE, BINARY);
        Path config = writeConfig();
        Process process = Detached.start(command(binary, config), settings.logFile(name()), settings.home(), Map.of());
        record(process.pid());
        if (!Probes.await(START_TIMEOUT, process.toHandle(), this::isUp)) {
            throw failed(process.isAlive() ? "is not ready on " + url() + "/-/ready after "
                    + START_TIMEOUT.toSeconds() + " s" : "exited at start");
        }
        return "up on " + url() + " (scraping " + scrapeConfig().targets().size() + " components every "
                + ScrapeConfig.INTERVAL.toSeconds() + " s)";
    }

    private Path writeConfig() {
        Path dir = settings.dataDir(name());
        Path config = dir.resolve("prometheus.yml");
        try {
            Files.createDirectories(dir);
            Files.writeString(config, scrapeConfig().yaml());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return config;
    }

    /** Loopback only, like every other part of the stack; the TSDB beside its config in the stack's data. */
    private List<String> command(Path binary, Path config) {
        String retention = System.getenv().getOrDefault("VOTE_PROMETHEUS_RETENTION", DEFAULT_RETENTION);
        return List.of(binary.toString(), "--config.file=" + config,
                "--web.listen-address=127.0.0.1:" + port(),
                "--storage.tsdb.path=" + settings.dataDir(name()).resolve("tsdb"),
                "--storage.tsdb.retention.time=" + retention);
    }
}
