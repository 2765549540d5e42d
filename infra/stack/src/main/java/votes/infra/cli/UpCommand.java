package votes.infra.cli;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import votes.infra.identity.VotesRealm;
import votes.infra.launcher.LocalStack;
import votes.infra.stack.StackSettings;

@Command(name = "up", mixinStandardHelpOptions = true,
        description = {"Starts whatever is down, in this order: Kafka (--brokers nodes), PostgreSQL, Redis, the dev keys"
                + " (JWT and checkpoint pairs, made once per home), then each service whose module is in this checkout"
                + " (ledger, cdc-relay, projections, realtime, ingest), then the gateway, then Keycloak (the OpenID"
                + " Connect provider: realm votes, demo voter and admin); then creates a demo poll."
                + " A service that does not start is reported and the rest go on (exit 1).",
                "Kafka topics are created, or brought up to the contract's configs, on every run."})
final class UpCommand implements java.util.concurrent.Callable<Integer> {

    @Option(names = "--build", description = "Rebuild with Maven first (handled by the ./vote script).")
    boolean build;

    @Option(names = "--no-demo", description = "Do not create the demo poll.")
    boolean noDemo;

    @Option(names = "--no-keycloak", description = {"Do not start Keycloak (it is the slowest part: ~1 min on a first"
            + " start, ~15 s after). The services run without it and keep trusting the dev key (./vote token)."})
    boolean noKeycloak;

    @Option(names = "--observability", description = {"Also run the trace backend (Zipkin, from Maven Central, in"
            + " memory) before the services, which then export their sampled spans to it (1 %% of new traces; a sampled"
            + " traceparent is always followed), and Prometheus (Debian's package, unpacked under the home's cache/)"
            + " after the gateway, scraping every component every 5 s. ./vote env prints TRACE_QUERY_URL and"
            + " PROMETHEUS_URL.",
            "Services already running keep their setting: ./vote down first to turn it on or off."})
    boolean observability;

    @Option(names = "--brokers", paramLabel = "N", description = {
            "Kafka nodes (KRaft, broker+controller each) for a new stack home: 1 (default) or 3 (replication factor 3,"
                    + " min.insync.replicas 2; node n on VOTE_KAFKA_PORT + 10*(n-1)); at most 5.",
            "Kept in the home's data: later commands use it; a different N on existing data is refused."})
    Integer brokers;

    @Override
    public Integer call() {
        long start = System.nanoTime();
        LocalStack stack = Cli.stack(Cli.settings(brokers == null ? OptionalInt.empty() : OptionalInt.of(brokers)));
        StackSettings settings = stack.settings();
        System.out.println("Stack home " + settings.home());
        List<String> down = stack.up((index, total, label, outcome, took, ok) -> System.out.printf(Locale.ROOT, "[%d/%d] %-11s %s %s (%.1f s)%n",
                index, total, label, ok ? "…" : "!", outcome, took.toMillis() / 1000.0), true, !noKeycloak, observability);
        String voter = stack.tokens().mint("alice", List.of("voter"));
        Optional<String> poll = noDemo ? Optional.empty() : DemoPoll.ensure(stack);
        System.out.printf(Locale.ROOT, "%nReady in %.1f s: %s (local use), %s (TLS 1.3, CA: %s)%n",
                (System.nanoTime() - start) / 1e9, settings.gatewayUrl(), settings.gatewayTlsUrl(), settings.caFile());
        poll.ifPresent(id -> {
            System.out.println("Demo poll:   " + id);
            System.out.println("Dashboard:   " + settings.gatewayUrl() + "/results.html?poll=" + id);
            // No token in the URL: it would land in shell history, proxies' logs and screenshots.
            System.out.println("Vote page:   " + settings.gatewayUrl() + "/vote.html?poll=" + id
                    + (noKeycloak ? " (paste the token below)" : " (sign in as the demo voter below)"));
        });
        if (observability) {
            System.out.println("Traces:      TRACE_QUERY_URL=" + stack.traces().traceQueryUrl());
            System.out.println("Metrics:     PROMETHEUS_URL=" + stack.metrics().url());
        }
        if (!noKeycloak && !down.contains(stack.identity().name())) {
            printIdentity(stack);
        }
        System.out.println("Voter token (alice, " + settings.jwt().maxTtl().toMinutes() + " min; ./vote token --sub alice for another):");
        System.out.println(voter);
        System.out.println();
        System.out.println("Next:");
        System.out.println("  TOKEN=$(./vote token --sub bob)");
        String pollId = poll.orElse("<pollId>");
        System.out.println("  curl -i -X POST " + settings.gatewayUrl() + "/api/v1/polls/" + pollId
                + "/votes -H \"Authorization: Bearer $TOKEN\" -H 'Content-Type: application/json' -d '{\"optionId\":\"a\"}'");
        System.out.println("  curl -s " + settings.gatewayUrl() + "/api/v1/polls/" + pollId);
        System.out.println("  curl -s --cacert " + settings.caFile() + " " + settings.gatewayTlsUrl() + "/api/v1/polls/" + pollId);
        System.out.println("  ./vote status    ./vote logs ledger -f    ./vote down");
        if (!down.isEmpty()) {
            System.out.println();
            System.out.println("Not running: " + String.join(", ", down) + " (see the lines marked ! above)");
            return 1;
        }
        return 0;
    }

    /** The provider's issuer, the CLI client and the demo accounts (also in `./vote env`), and a password grant. */
    private static void printIdentity(LocalStack stack) {
        VotesRealm realm = stack.identity().realm();
        System.out.println("Identity (Keycloak, realm " + VotesRealm.NAME + "; the demo admin signs in with an OTP):");
        realm.clientEnv().forEach((name, value) -> System.out.println("  " + name + "=" + value));
        System.out.println("  curl -s " + realm.tokenEndpoint() + " -d grant_type=password -d client_id="
                + VotesRealm.CLI_CLIENT + " -d username=" + VotesRealm.DEMO_VOTER
                + " --data-urlencode password=\"$(./vote env VOTE_DEMO_VOTER_PASSWORD)\"");
        System.out.println();
    }
}
