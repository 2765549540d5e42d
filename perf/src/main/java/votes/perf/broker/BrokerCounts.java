package votes.perf.broker;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A broker's running counts at one moment: requests served by type (kafka.network RequestMetrics RequestsPerSec's
 * Count, summed over versions) and records appended by topic (BrokerTopicMetrics MessagesInPerSec's Count). Written
 * one per line as {@code request <type> <count>} and {@code messages-in <topic> <count>}, so that two readings around a
 * load phase can be kept in files and compared.
 */
public record BrokerCounts(Map<String, Long> requests, Map<String, Long> messagesIn) {

    private static final String REQUEST = "request";
    private static final String MESSAGES_IN = "messages-in";
    /** Kafka's own subsets of Fetch (by who fetched), counted again under these names: not more requests. */
    private static final Set<String> FETCH_SUBSETS = Set.of("FetchConsumer", "FetchFollower");

    public BrokerCounts {
        requests = Map.copyOf(requests);
        messagesIn = Map.copyOf(messagesIn);
    }

    public static BrokerCounts parse(List<String> lines) {
        Map<String, Long> requests = new TreeMap<>();
        Map<String, Long> messages = new TreeMap<>();
        for (String line : lines) {
            String[] parts = line.trim().split("\\s+");
            if (parts.length != 3) {
                continue;
            }
            switch (parts[0]) {
                case REQUEST -> requests.merge(parts[1], Long.parseLong(parts[2]), Long::sum);
                case MESSAGES_IN -> messages.merge(parts[1], Long.parseLong(parts[2]), Long::sum);
                default -> { } // another tool's line in the same file
            }
        }
        return new BrokerCounts(requests, messages);
    }

    public String format() {
        StringBuilder out = new StringBuilder();
        new TreeMap<>(requests).forEach((type, count) -> out.append(REQUEST).append(' ').append(type).append(' ')
                .append(count).append('\n'));
        new TreeMap<>(messagesIn).forEach((topic, count) -> out.append(MESSAGES_IN).append(' ').append(topic)
                .append(' ').append(count).append('\n'));
        return out.toString();
    }

    /** What grew from {@code before} to this reading (a type or topic first seen here counts from 0). */
    public BrokerCounts since(BrokerCounts before) {
        return new BrokerCounts(growth(before.requests, requests), growth(before.messagesIn, messagesIn));
    }

    /** Every request once: Fetch's subsets are not added again. */
    public long totalRequests() {
        return requests.entrySet().stream().filter(entry -> !FETCH_SUBSETS.contains(entry.getKey()))
                .mapToLong(Map.Entry::getValue).sum();
    }

    private static Map<String, Long> growth(Map<String, Long> before, Map<String, Long> after) {
        return after.entrySet().stream()
                .filter(entry -> entry.getValue() > before.getOrDefault(entry.getKey(), 0L))
                .collect(Collectors.toMap(Map.Entry::getKey,
                        entry -> entry.getValue() - before.getOrDefault(entry.getKey(), 0L), (a, b) -> a, TreeMap::new));
    }

    /** Per vote: each count divided by {@code votes}, as a table for RESULTS.md. */
    public String perVoteTable(long votes, double seconds) {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "| broker requests (%d votes, %.0f s) | count | per vote | per second |%n|---|---|---|---|%n", votes, seconds));
        requests.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(entry -> out.append(row(FETCH_SUBSETS.contains(entry.getKey())
                        ? entry.getKey() + " (part of Fetch)" : entry.getKey(), entry.getValue(), votes, seconds)));
        out.append(row("**all requests**", totalRequests(), votes, seconds));
        out.append(String.format(Locale.ROOT, "%n| records appended, by topic | count | per vote | per second |%n|---|---|---|---|%n"));
        messagesIn.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(entry -> out.append(row(entry.getKey(), entry.getValue(), votes, seconds)));
        return out.toString();
    }

    private static String row(String name, long count, long votes, double seconds) {
        return String.format(Locale.ROOT, "| %s | %d | %.3f | %.1f |%n", name, count,
                votes == 0 ? Double.NaN : (double) count / votes, seconds <= 0 ? Double.NaN : count / seconds);
    }
}
