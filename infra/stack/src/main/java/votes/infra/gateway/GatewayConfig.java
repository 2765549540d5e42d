package votes.infra.gateway;

import java.net.URI;
import java.util.EnumMap;
import java.util.Map;

/** The gateway's port and where each upstream lives, from HTTP_PORT, INGEST_URL, LEDGER_URL, REALTIME_URL. */
public record GatewayConfig(int port, Map<Upstream, URI> upstreams) {

    public static GatewayConfig fromEnv(Map<String, String> env) {
        Map<Upstream, URI> upstreams = new EnumMap<>(Upstream.class);
        upstreams.put(Upstream.INGEST, URI.create(env.getOrDefault("INGEST_URL", "http://127.0.0.1:8081")));
        upstreams.put(Upstream.LEDGER, URI.create(env.getOrDefault("LEDGER_URL", "http://127.0.0.1:8082")));
        upstreams.put(Upstream.REALTIME, URI.create(env.getOrDefault("REALTIME_URL", "http://127.0.0.1:8083")));
        return new GatewayConfig(Integer.parseInt(env.getOrDefault("HTTP_PORT", "8080")), upstreams);
    }

    public static Map<String, String> env(int port, int ingest, int ledger, int realtime) {
        return Map.of("HTTP_PORT", Integer.toString(port),
                "INGEST_URL", "http://127.0.0.1:" + ingest,
                "LEDGER_URL", "http://127.0.0.1:" + ledger,
                "REALTIME_URL", "http://127.0.0.1:" + realtime);
    }
}
