package votes.infra.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import votes.infra.stack.Component;

@Command(name = "pid", mixinStandardHelpOptions = true, description = "Prints the PID of a running component (exit 1 if down).")
final class PidCommand implements Callable<Integer> {

    @Parameters(paramLabel = "COMPONENT", description = "kafka (and kafka-2, kafka-3 with --brokers 3), postgres, redis, ledger, cdc-relay, projections, realtime, ingest or gateway")
    String component;

    @Override
    public Integer call() {
        Component c = Cli.stack().require(component);
        if (c.pid().isEmpty() || !votes.infra.stack.Probes.alive(c.pid().getAsLong())) {
            System.err.println(component + " is not running");
            return 1;
        }
        System.out.println(c.pid().getAsLong());
        return 0;
    }
}
