package votes.infra.gateway;

import java.util.Map;
import votes.infra.gateway.client.Admission;
import votes.infra.gateway.client.ClientConnections;
import votes.infra.gateway.stream.StreamRelay;

/** The gateway's own {@code /q/metrics} (Prometheus text), like every service of ours on its own port. */
final class GatewayMetrics {

    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final ClientConnections connections;
    private final StreamRelay streams;
    private final Map<Upstream, ProblemOnFailure> failures;

    GatewayMetrics(ClientConnections connections, StreamRelay streams, Map<Upstream, ProblemOnFailure> failures) {
        this.connections = connections;
        this.streams = streams;
        this.failures = failures;
    }

    String render() {
        StringBuilder out = new StringBuilder();
        metric(out, "gateway_connections", "gauge", "Client connections open (admitted).", connections.open());
        out.append("# HELP gateway_connections_refused_total Client connections refused, by reason.\n")
                .append("# TYPE gateway_connections_refused_total counter\n");
        for (Admission reason : new Admission[] {Admission.CLIENT_OVER_CAP, Admission.GATEWAY_FULL}) {
            out.append("gateway_connections_refused_total{reason=\"").append(reason.label()).append("\"} ")
                    .append(connections.refused(reason)).append('\n');
        }
        metric(out, "gateway_sse_viewers", "gauge", "Viewers streaming results through the gateway.", streams.viewers());
        metric(out, "gateway_sse_subscriptions", "gauge", "Upstream subscriptions to realtime (one per poll watched).",
                streams.subscriptions());
        metric(out, "gateway_sse_subscriptions_connected", "gauge", "Subscriptions whose upstream stream is open.",
                streams.connectedSubscriptions());
        metric(out, "gateway_sse_upstream_reconnects_total", "counter", "Attempts to reach realtime again for open viewers.",
                streams.reconnects());
        metric(out, "gateway_sse_refused_total", "counter", "Viewers refused: GATEWAY_SSE_MAX_POLLS subscriptions held.",
                streams.refusedTooManyPolls());
        out.append("# HELP gateway_upstream_failures_total Proxied requests answered by the gateway itself, by upstream and reason.\n")
                .append("# TYPE gateway_upstream_failures_total counter\n");
        failures.forEach((upstream, f) -> {
            String name = upstream.name().toLowerCase();
            out.append("gateway_upstream_failures_total{upstream=\"").append(name).append("\",reason=\"unreachable\"} ")
                    .append(f.unreachable()).append('\n');
            out.append("gateway_upstream_failures_total{upstream=\"").append(name).append("\",reason=\"busy\"} ")
                    .append(f.busy()).append('\n');
        });
        return out.toString();
    }

    private static void metric(StringBuilder out, String name, String type, String help, long value) {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n')
                .append("# TYPE ").append(name).append(' ').append(type).append('\n')
                .append(name).append(' ').append(value).append('\n');
    }
}
