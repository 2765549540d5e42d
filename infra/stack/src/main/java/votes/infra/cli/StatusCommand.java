package votes.infra.cli;

import picocli.CommandLine.Command;
import votes.infra.launcher.LocalStack;
import votes.infra.stack.Component;

@Command(name = "status", mixinStandardHelpOptions = true,
        description = "A table of components: PID, port, health (services and gateway: /q/health/ready), then the"
                + " stack home and Kafka's brokers.")
final class StatusCommand implements Runnable {

    @Override
    public void run() {
        LocalStack stack = Cli.stack();
        System.out.printf("%-11s %-8s %-6s %s%n", "COMPONENT", "PID", "PORT", "HEALTH");
        for (Component c : stack.all()) {
            String pid = c.pid().isPresent() ? Long.toString(c.pid().getAsLong()) : "-";
            System.out.printf("%-11s %-8s %-6d %s%n", c.name(), pid, c.port(), c.isUp() ? "up" : "down");
        }
        System.out.println("home: " + stack.settings().home());
        System.out.println("kafka: " + stack.settings().brokers() + " broker(s), " + stack.settings().kafkaBootstrap());
    }
}
