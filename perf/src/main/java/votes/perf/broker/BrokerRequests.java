package votes.perf.broker;

import com.sun.tools.attach.VirtualMachine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import votes.perf.report.CliErrors;

/**
 * How many requests of each type the broker served per vote (issue 12: every hop's requests are what a vote costs the
 * broker at moderate rates). {@code --pid} prints the broker's counts now (read over JMX from its own JVM, attached
 * locally: the stack's broker opens no JMX port); {@code --before}/{@code --after} compare two such readings and
 * divide by the votes appended in between (records into {@code votes.submitted}).
 */
@Command(name = "broker-requests", mixinStandardHelpOptions = true, sortOptions = false,
        description = "A Kafka broker's requests by type and records by topic: a reading (--pid), or per vote between two (--before/--after).")
public final class BrokerRequests implements Callable<Integer> {

    @Option(names = "--pid", description = "Read the counts of the broker JVM with this process id now.")
    Long pid;

    @Option(names = "--before", description = "A reading taken before the load (a --pid output).")
    Path before;

    @Option(names = "--after", description = "A reading taken after it.")
    Path after;

    @Option(names = "--seconds", defaultValue = "0", description = "Time between the readings, for the per-second column.")
    double seconds;

    @Option(names = "--votes-topic", defaultValue = "votes.submitted",
            description = "The records of this topic are the votes. Default: ${DEFAULT-VALUE}.")
    String votesTopic;

    public static void main(String[] args) {
        System.exit(CliErrors.run(new BrokerRequests(), args));
    }

    @Override
    public Integer call() throws Exception {
        if (pid != null) {
            System.out.print(read(pid).format());
            return 0;
        }
        if (before == null || after == null) {
            throw new IllegalArgumentException("give --pid, or --before and --after");
        }
        BrokerCounts grown = BrokerCounts.parse(Files.readAllLines(after))
                .since(BrokerCounts.parse(Files.readAllLines(before)));
        System.out.print(grown.perVoteTable(grown.messagesIn().getOrDefault(votesTopic, 0L), seconds));
        return 0;
    }

    static BrokerCounts read(long pid) throws Exception {
        VirtualMachine vm = VirtualMachine.attach(Long.toString(pid));
        try (JMXConnector jmx = JMXConnectorFactory.connect(new JMXServiceURL(vm.startLocalManagementAgent()))) {
            MBeanServerConnection server = jmx.getMBeanServerConnection();
            return new BrokerCounts(
                    counts(server, "kafka.network:type=RequestMetrics,name=RequestsPerSec,*", "request"),
                    counts(server, "kafka.server:type=BrokerTopicMetrics,name=MessagesInPerSec,topic=*", "topic"));
        } finally {
            vm.detach();
        }
    }

    private static Map<String, Long> counts(MBeanServerConnection server, String pattern, String key) throws Exception {
        Map<String, Long> counts = new TreeMap<>();
        for (ObjectName name : server.queryNames(new ObjectName(pattern), null)) {
            counts.merge(name.getKeyProperty(key), ((Number) server.getAttribute(name, "Count")).longValue(), Long::sum);
        }
        return counts;
    }
}
