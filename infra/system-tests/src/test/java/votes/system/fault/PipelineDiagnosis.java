package votes.system.fault;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.function.IntSupplier;
import votes.infra.stack.StackPorts;
import votes.infra.test.VoteStackExtension;
import votes.system.log.ServiceLogs;

/**
 * What the tally path's services say of themselves when a fault run waits in vain, written into the failure message:
 * CI keeps no stack logs, and a CI run once saw every tally stop after a broker kill with nothing to tell which hop
 * stopped (perf/RESULTS.md, "The relay's two idle wastes"). Each service's health (Kafka Streams' state, the relay's
 * last error), the projections' own tally of the poll, and the last warnings and errors of each log.
 */
final class PipelineDiagnosis {

    private static final Duration ASK_TIMEOUT = Duration.ofSeconds(3);
    private static final int LOG_LINES = 6;
    private static final int LINE_CHARS = 400;
    private static final int BODY_CHARS = 1200;

    /** The relay serves its own readiness (its data: Kafka, the slot, the last error); the others are Quarkus'. */
    private record Hop(String component, IntSupplier port, String health) {
    }

    private final VoteStackExtension stack;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(ASK_TIMEOUT).build();

    PipelineDiagnosis(VoteStackExtension stack) {
        this.stack = stack;
    }

    /** Never throws: the failure it explains must reach the report whatever the diagnosis meets. */
    String of(String poll) {
        try {
            return describe(poll);
        } catch (RuntimeException e) {
            return "\n(no diagnosis: " + e + ")";
        }
    }

    private String describe(String poll) {
        StackPorts ports = stack.stack().settings().ports();
        List<Hop> hops = List.of(new Hop("ledger", ports::ledger, "/q/health"),
                new Hop("cdc-relay", ports::relay, "/q/health/ready"),
                new Hop("projections", ports::projections, "/q/health"),
                new Hop("realtime", ports::realtime, "/q/health"));
        ServiceLogs logs = new ServiceLogs(stack.stack().settings());
        StringBuilder text = new StringBuilder("\n--- the tally path, as its services saw it ---\n");
        for (Hop hop : hops) {
            text.append(hop.component()).append(' ').append(hop.health()).append(": ")
                    .append(ask("http://127.0.0.1:" + hop.port().getAsInt() + hop.health())).append('\n');
        }
        text.append("projections /tallies/").append(poll).append(": ")
                .append(ask("http://127.0.0.1:" + ports.projections() + "/tallies/" + poll)).append('\n');
        for (Hop hop : hops) {
            text.append(hop.component()).append(", last warnings and errors:\n");
            lastWarnings(logs, hop.component())
                    .forEach(line -> text.append("  ").append(line).append('\n'));
        }
        return text.toString();
    }

    private String ask(String url) {
        try {
            HttpResponse<String> reply = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(ASK_TIMEOUT).build(),
                    HttpResponse.BodyHandlers.ofString());
            return reply.statusCode() + " " + clip(reply.body().replaceAll("\\s+", " "), BODY_CHARS);
        } catch (IOException e) {
            return "no answer (" + e + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    /** JSON lines (the services' prod profile) carry "level":"WARN"; the relay's plain lines carry " WARN ". */
    private static List<String> lastWarnings(ServiceLogs logs, String component) {
        try {
            List<String> warnings = logs.lines(component).stream()
                    .filter(line -> line.contains("\"level\":\"WARN") || line.contains("\"level\":\"ERROR")
                            || line.contains(" WARN ") || line.contains(" ERROR "))
                    .toList();
            return warnings.subList(Math.max(0, warnings.size() - LOG_LINES), warnings.size()).stream()
                    .map(line -> clip(line, LINE_CHARS)).toList();
        } catch (RuntimeException e) {
            return List.of("(log unreadable: " + e + ")");
        }
    }

    private static String clip(String text, int chars) {
        return text.length() <= chars ? text : text.substring(0, chars) + "…";
    }
}
