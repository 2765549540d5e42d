package votes.infra.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import votes.infra.stack.StackSettings;

@Command(name = "logs", mixinStandardHelpOptions = true, description = "Prints a component's log (<home>/logs/<component>.log).")
final class LogsCommand implements Callable<Integer> {

    @Parameters(paramLabel = "COMPONENT", description = "kafka (and kafka-2, kafka-3 with --brokers 3), postgres, redis, ledger, cdc-relay, projections, realtime, ingest or gateway")
    String component;

    @Option(names = {"-f", "--follow"}, description = "Keep printing what is appended (Ctrl-C to stop).")
    boolean follow;

    @Override
    public Integer call() throws IOException, InterruptedException {
        StackSettings settings = Cli.settings();
        Cli.stack().require(component);
        Path log = settings.logFile(component);
        if (!Files.exists(log)) {
            System.err.println("no log yet: " + log);
            return 1;
        }
        if (!follow) {
            Files.copy(log, System.out);
            return 0;
        }
        return new ProcessBuilder(List.of("tail", "-n", "200", "-F", log.toString())).inheritIO().start().waitFor();
    }
}
