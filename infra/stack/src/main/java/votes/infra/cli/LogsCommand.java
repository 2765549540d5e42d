package votes.infra.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import votes.infra.stack.StackSettings;

@Command(name = "logs", mixinStandardHelpOptions = true, description = "Prints a component's log (<home>/logs/<component>.log); "
        + "JSON lines (services, gateway) as 'time LEVEL logger - message key=value...'.")
final class LogsCommand implements Callable<Integer> {

    @Parameters(paramLabel = "COMPONENT", description = "kafka (and kafka-2, kafka-3 with --brokers 3), postgres, redis, ledger, cdc-relay, projections, realtime, ingest or gateway")
    String component;

    @Option(names = {"-f", "--follow"}, description = "Keep printing what is appended (Ctrl-C to stop).")
    boolean follow;

    @Option(names = "--raw", description = "The file as it is: JSON lines unchanged (for jq and the like).")
    boolean raw;

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
            if (raw) {
                Files.copy(log, System.out);
            } else {
                try (var lines = Files.lines(log, StandardCharsets.UTF_8)) {
                    lines.map(ReadableLogLine::of).forEach(System.out::println);
                }
            }
            return 0;
        }
        ProcessBuilder tail = new ProcessBuilder(List.of("tail", "-n", "200", "-F", log.toString()));
        if (raw) {
            return tail.inheritIO().start().waitFor();
        }
        Process process = tail.redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                System.out.println(ReadableLogLine.of(line));
            }
        }
        return process.waitFor();
    }
}
