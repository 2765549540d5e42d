package votes.infra.gateway.edge;

import io.vertx.core.MultiMap;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a client's request may tell a service, decided at the trust boundary. The gateway removes the hop-by-hop
 * headers (those named in Connection too) and every header that claims where the request came from or how it got
 * here, then writes those itself from the connection: X-Forwarded-For (the {@link ForwardedChain}, client first, so
 * the services' "first entry" is the client), Forwarded, X-Real-IP, X-Forwarded-Proto/Host/Port (kept as sent only
 * from a trusted proxy, which may have terminated TLS). X-Request-Id passes: the services treat it as a correlation
 * id only (service-kit's RequestIds echoes a sane one), never as identity.
 */
public final class InboundHeaders {

    /** Hop-by-hop (RFC 9110 7.6.1) beyond what vertx-http-proxy already drops, plus their legacy forms. */
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "proxy-connection", "keep-alive", "te",
            "trailer", "upgrade", "proxy-authorization", "proxy-authenticate");
    /** Framing: a Connection header naming these must not make the proxy lose the body's length. */
    private static final Set<String> FRAMING = Set.of("content-length", "transfer-encoding", "host");
    /** Claims about the client or the route that only the gateway may make (or that no service should honour). */
    private static final Set<String> INTERNAL = Set.of("forwarded", "x-real-ip", "x-client-ip", "true-client-ip",
            "x-original-url", "x-rewrite-url", "x-http-method-override", "x-http-method", "x-method-override");
    /** A trusted proxy's X-Forwarded-Proto is kept only when it is one of these (it is written into Forwarded). */
    private static final Set<String> SCHEMES = Set.of("http", "https");
    private static final String FORWARDED_PREFIX = "x-forwarded-";
    static final String FORWARDED_FOR = "X-Forwarded-For";
    static final String FORWARDED_PROTO = "X-Forwarded-Proto";
    static final String FORWARDED_HOST = "X-Forwarded-Host";
    static final String FORWARDED_PORT = "X-Forwarded-Port";

    private final TrustedProxies trusted;

    public InboundHeaders(TrustedProxies trusted) {
        this.trusted = trusted;
    }

    /**
     * Rewrites {@code headers} in place for a request that reached the gateway from {@code peer}.
     *
     * @param authority the Host the client asked for; {@code proto} and {@code port} where it reached the gateway
     */
    public void rewrite(MultiMap headers, InetAddress peer, String authority, String proto, int port) {
        boolean fromTrustedProxy = trusted.trusts(peer);
        List<InetAddress> hops = ForwardedChain.resolve(peer, headers.getAll(FORWARDED_FOR), trusted);
        String sentProto = headers.get(FORWARDED_PROTO);
        String sentHost = headers.get(FORWARDED_HOST);
        String sentPort = headers.get(FORWARDED_PORT);
        stripHopByHop(headers);
        stripInternal(headers);
        boolean keepRoute = fromTrustedProxy && SCHEMES.contains(sentProto) && sentHost != null;
        String routeProto = keepRoute ? sentProto : proto;
        String routeHost = keepRoute ? sentHost : authority;
        headers.set(FORWARDED_FOR, hops.stream().map(InetAddress::getHostAddress).collect(Collectors.joining(", ")));
        headers.set("X-Real-IP", hops.get(0).getHostAddress());
        headers.set(FORWARDED_PROTO, routeProto);
        if (routeHost != null) {
            headers.set(FORWARDED_HOST, routeHost);
        }
        headers.set(FORWARDED_PORT, keepRoute && sentPort != null ? sentPort : Integer.toString(port));
        headers.set("Forwarded", forwarded(hops, routeHost, routeProto));
    }

    private static void stripHopByHop(MultiMap headers) {
        List<String> named = new ArrayList<>();
        headers.getAll("Connection").forEach(value -> {
            for (String token : value.split(",")) {
                String name = token.strip().toLowerCase(Locale.ROOT);
                if (!name.isEmpty() && !FRAMING.contains(name)) {
                    named.add(name);
                }
            }
        });
        named.forEach(headers::remove);
        HOP_BY_HOP.forEach(headers::remove);
    }

    private static void stripInternal(MultiMap headers) {
        List<String> internal = headers.names().stream().filter(name -> {
            String lower = name.toLowerCase(Locale.ROOT);
            return INTERNAL.contains(lower) || lower.startsWith(FORWARDED_PREFIX);
        }).toList();
        internal.forEach(headers::remove);
    }

    /** RFC 7239: one element per hop; host and proto on the last, the one the gateway itself vouches for. */
    static String forwarded(List<InetAddress> hops, String host, String proto) {
        StringBuilder value = new StringBuilder();
        for (InetAddress hop : hops) {
            if (!value.isEmpty()) {
                value.append(", ");
            }
            String address = hop.getHostAddress();
            value.append("for=").append(address.contains(":") ? "\"[" + address + "]\"" : address);
        }
        if (host != null) {
            value.append(";host=\"").append(host.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        return value.append(";proto=").append(proto).toString();
    }
}
