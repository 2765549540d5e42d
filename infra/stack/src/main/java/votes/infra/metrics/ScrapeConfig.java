package votes.infra.metrics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import votes.infra.service.ServiceSpec;
import votes.infra.stack.StackPorts;

/**
 * What the stack's Prometheus scrapes: one job per component (the services and the gateway), each on 127.0.0.1 at its
 * stack port, {@code /q/metrics} (Quarkus's path, which the relay and the gateway serve too), with a {@code component}
 * label so a query reads the same here as on the cluster's ServiceMonitors. Written fresh at each start, so a changed
 * port set never meets an old file.
 */
public record ScrapeConfig(List<Target> targets, Duration interval) {

    /** Short enough that an alert expression over [1m] has points a minute after a vote; cheap at six targets. */
    public static final Duration INTERVAL = Duration.ofSeconds(5);
    static final String METRICS_PATH = "/q/metrics";
    /** The gateway is the one component that is not a ServiceSpec (it lives in infra/stack, not in a module). */
    static final String GATEWAY = "gateway";

    /** One scraped component: its name (the job and the {@code component} label) and its loopback port. */
    public record Target(String component, int port) {

        String address() {
            return "127.0.0.1:" + port;
        }
    }

    /** Every service the stack can run, then the gateway. */
    public static ScrapeConfig of(StackPorts ports) {
        List<Target> targets = new ArrayList<>();
        ServiceSpec.ALL.forEach(spec -> targets.add(new Target(spec.name(), spec.port().applyAsInt(ports))));
        targets.add(new Target(GATEWAY, ports.gateway()));
        return new ScrapeConfig(List.copyOf(targets), INTERVAL);
    }

    /** prometheus.yml (YAML; every value is a plain scalar we make, so no escaping is needed). */
    public String yaml() {
        String seconds = interval.toSeconds() + "s";
        StringBuilder yaml = new StringBuilder("# Written by ./vote up --observability at each start; edits are lost.\n")
                .append("global:\n")
                .append("  scrape_interval: ").append(seconds).append('\n')
                .append("  evaluation_interval: ").append(seconds).append('\n')
                .append("scrape_configs:\n");
        for (Target target : targets) {
            yaml.append("  - job_name: ").append(target.component()).append('\n')
                    .append("    metrics_path: ").append(METRICS_PATH).append('\n')
                    .append("    static_configs:\n")
                    .append("      - targets: ['").append(target.address()).append("']\n")
                    .append("        labels:\n")
                    .append("          component: ").append(target.component()).append('\n');
        }
        return yaml.toString();
    }
}
