package votes.infra.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import votes.infra.launcher.LocalStack;
import votes.infra.stack.Component;
import votes.infra.stack.Tier;

@Command(name = "down", mixinStandardHelpOptions = true,
        description = "Stops every component by PID, the services, the gateway, Keycloak, the trace backend and Prometheus first, then"
                + " Kafka, PostgreSQL and Redis (SIGTERM, SIGKILL after a timeout); data stays in VOTE_HOME.")
final class DownCommand implements Runnable {

    @Override
    public void run() {
        LocalStack stack = Cli.stack();
        List<Component> front = new ArrayList<>(stack.services());
        front.add(stack.gateway());
        front.add(stack.identity());
        front.add(stack.traces());
        front.add(stack.metrics());
        stop(front);
        stop(stack.infrastructure());
    }

    /** One tier at a time, its members together (Kafka alone takes ~3 s to shut down cleanly). */
    private static void stop(List<? extends Component> tier) {
        Map<String, Long> pids = new LinkedHashMap<>();
        tier.forEach(c -> pids.put(c.name(), c.pid().orElse(-1)));
        Map<String, Boolean> stopped = new Tier(tier).stop();
        pids.forEach((name, pid) -> System.out.printf("%-11s %s%n", name,
                stopped.get(name) ? "stopped (pid " + pid + ")" : "was not running"));
    }
}
