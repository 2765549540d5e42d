package votes.infra.gateway.client;

import java.time.Duration;

/**
 * What one client may hold (GatewayConfig reads them from GATEWAY_* and says what each trades).
 *
 * @param maxConnections     client connections at once, all clients together (the descriptor budget)
 * @param maxPerClient       connections at once from one client address (the TCP peer the gateway sees)
 * @param idleTimeout        a connection with no byte either way for this long is closed
 * @param refusalLogInterval at most one log line per interval about refused clients
 */
public record ClientLimits(int maxConnections, int maxPerClient, Duration idleTimeout, Duration refusalLogInterval) {

    public ClientLimits {
        if (maxConnections < 1 || maxPerClient < 1 || maxPerClient > maxConnections) {
            throw new IllegalArgumentException("need 1 <= GATEWAY_MAX_CONNECTIONS_PER_CLIENT (" + maxPerClient
                    + ") <= GATEWAY_MAX_CONNECTIONS (" + maxConnections + ")");
        }
        if (idleTimeout.toSeconds() < 1) {
            throw new IllegalArgumentException("GATEWAY_IDLE_TIMEOUT must be at least 1s, got " + idleTimeout);
        }
    }
}
