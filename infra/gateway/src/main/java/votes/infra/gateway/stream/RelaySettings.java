package votes.infra.gateway.stream;

import java.time.Duration;

/**
 * How the gateway relays results streams (GatewayConfig reads them from GATEWAY_SSE_* and says what each trades).
 *
 * @param heartbeat           a {@code : keep-alive} comment to every viewer this often (the API: at least every 15 s)
 * @param retry               the {@code retry:} sent first: how soon a dropped browser comes back
 * @param upstreamIdleTimeout no byte from realtime for this long (its heartbeats stopped): reconnect
 * @param backoff             waits between attempts to reach realtime again while viewers stay connected
 * @param grace               how long a poll's upstream subscription outlives its last viewer
 * @param maxPolls            upstream subscriptions (one connection to realtime each) at once
 */
public record RelaySettings(Duration heartbeat, Duration retry, Duration upstreamIdleTimeout, Backoff backoff,
                            Duration grace, int maxPolls) {

    public RelaySettings {
        if (maxPolls < 1) {
            throw new IllegalArgumentException("GATEWAY_SSE_MAX_POLLS must be at least 1, got " + maxPolls);
        }
    }

    public static RelaySettings of(Duration heartbeat, Duration retry, Duration upstreamIdleTimeout,
            Duration reconnectMin, Duration reconnectMax, Duration grace, int maxPolls) {
        return new RelaySettings(heartbeat, retry, upstreamIdleTimeout, new Backoff(reconnectMin, reconnectMax), grace,
                maxPolls);
    }
}
