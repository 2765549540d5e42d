package votes.infra.cli;

import java.nio.file.Path;
import java.util.OptionalInt;
import votes.infra.kafka.ClusterIdentity;
import votes.infra.launcher.LocalStack;
import votes.infra.stack.StackSettings;

/**
 * The stack the CLI talks about: $VOTE_HOME (or <repo>/.vote) with the ports from VOTE_*_PORT and as many Kafka
 * brokers as its data was formatted with (one for a new home unless `up --brokers` says otherwise).
 */
final class Cli {

    private Cli() {
    }

    static StackSettings settings() {
        return settings(OptionalInt.empty());
    }

    /** @throws votes.infra.stack.StackException when {@code brokers} contradicts the home's Kafka data */
    static StackSettings settings(OptionalInt brokers) {
        StackSettings fromEnv = StackSettings.fromEnv(System.getenv(), StackSettings.findRepoRoot(Path.of("")));
        return fromEnv.withBrokers(ClusterIdentity.brokers(fromEnv, brokers));
    }

    static LocalStack stack() {
        return stack(settings());
    }

    static LocalStack stack(StackSettings settings) {
        return new LocalStack(settings, note -> System.out.println("      " + note));
    }
}
