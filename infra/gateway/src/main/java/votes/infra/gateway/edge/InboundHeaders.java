package votes.infra.gateway.edge;

import io.vertx.core.MultiMap;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a client's request may tell a service, decided at the trust boundary. The gateway removes the hop-by-hop
 * headers (those named in Connection too) and every header that claims where the request came from or how it got
 * here, then writes those itself from the connection: X-Forwarded-For (the {@link ForwardedChain}, client first, so
 * the services' "first entry" is the client), Forwarded, X-Real-IP, X-Forwarded-Proto/Host/Port (kept as sent only
 * from a trusted proxy, which may have terminated TLS). X-Request-Id passes: the services treat it as a correlation
 * id only (service-kit's RequestIds echoes a sane one), never as identity.
 */
public final class InboundHeaders {

    /**
     * Hop-by-hop (RFC 9110 7.6.1) beyond what vertx-http-proxy already drops, plus their legacy forms; and the claims
     * about the client or the route that only the gateway may make (or that no service should honour). Case-blind,
     * so a request's header names are looked up as they came, without a lower-cased copy each.
     */
    private static final Set<String> REMOVED = caseBlind("connection", "proxy-connection", "keep-alive", "te",
            "trailer", "upgrade", "proxy-authorization", "proxy-authenticate",
            "forwarded", "x-real-ip", "x-client-ip", "true-client-ip",
            "x-original-url", "x-rewrite-url", "x-http-method-override", "x-http-method", "x-method-override");
    /** Framing: a Connection header naming these must not make the proxy lose the body's length. */
    private static final Set<String> FRAMING = caseBlind("content-length", "transfer-encoding", "host");
    /** A trusted proxy's X-Forwarded-Proto is kept only when it is one of these (it is written into Forwarded). */
    private static final Set<String> SCHEMES = Set.of("http", "https");
    private static final String FORWARDED_PREFIX = "x-forwarded-";
    private static final String CONNECTION = "Connection";
    static final String FORWARDED_FOR = "X-Forwarded-For";
    static final String FORWARDED_PROTO = "X-Forwarded-Proto";
    static final String FORWARDED_HOST = "X-Forwarded-Host";
    static final String FORWARDED_PORT = "X-Forwarded-Port";

    private final TrustedProxies trusted;

    public InboundHeaders(TrustedProxies trusted) {
        this.trusted = trusted;
    }

    /**
     * Rewrites {@code headers} in place for a request that reached the gateway from {@code peer}. Every proxied request
     * passes here, so the usual one (no proxy in front, no forwarding claim) costs one walk over its headers.
     *
     * @param authority the Host the client asked for; {@code proto} and {@code port} where it reached the gateway
     */
    public void rewrite(MultiMap headers, InetAddress peer, String authority, String proto, int port) {
        boolean fromTrustedProxy = trusted.trusts(peer);
        List<InetAddress> hops = fromTrustedProxy ? ForwardedChain.resolve(peer, headers.getAll(FORWARDED_FOR), trusted)
                : List.of(peer);
        String sentProto = fromTrustedProxy ? headers.get(FORWARDED_PROTO) : null;
        String sentHost = fromTrustedProxy ? headers.get(FORWARDED_HOST) : null;
        String sentPort = fromTrustedProxy ? headers.get(FORWARDED_PORT) : null;
        strip(headers);
        // Set.of's contains throws on null: a trusted proxy may send no X-Forwarded-Proto.
        boolean keepRoute = fromTrustedProxy && sentProto != null && SCHEMES.contains(sentProto) && sentHost != null;
        String routeProto = keepRoute ? sentProto : proto;
        String routeHost = keepRoute ? sentHost : authority;
        List<String> addresses = new ArrayList<>(hops.size());
        hops.forEach(hop -> addresses.add(hop.getHostAddress()));
        headers.set(FORWARDED_FOR, String.join(", ", addresses));
        headers.set("X-Real-IP", addresses.get(0));
        headers.set(FORWARDED_PROTO, routeProto);
        if (routeHost != null) {
            headers.set(FORWARDED_HOST, routeHost);
        }
        headers.set(FORWARDED_PORT, keepRoute && sentPort != null ? sentPort : Integer.toString(port));
        headers.set("Forwarded", forwarded(addresses, routeHost, routeProto));
    }

    /** Removes the hop-by-hop headers, those the Connection header names, and every claim only the gateway makes. */
    private static void strip(MultiMap headers) {
        List<String> removed = new ArrayList<>();
        for (Map.Entry<String, String> header : headers) {
            String name = header.getKey();
            if (CONNECTION.equalsIgnoreCase(name)) {
                for (String token : header.getValue().split(",")) {
                    String named = token.strip();
                    if (!named.isEmpty() && !FRAMING.contains(named)) {
                        removed.add(named);
                    }
                }
            }
            if (REMOVED.contains(name) || name.regionMatches(true, 0, FORWARDED_PREFIX, 0, FORWARDED_PREFIX.length())) {
                removed.add(name);
            }
        }
        removed.forEach(headers::remove);
    }

    private static Set<String> caseBlind(String... names) {
        Set<String> set = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        set.addAll(List.of(names));
        return Collections.unmodifiableSet(set);
    }

    /** RFC 7239: one element per hop; host and proto on the last, the one the gateway itself vouches for. */
    static String forwarded(List<String> addresses, String host, String proto) {
        StringBuilder value = new StringBuilder();
        for (String address : addresses) {
            if (!value.isEmpty()) {
                value.append(", ");
            }
            value.append("for=").append(address.contains(":") ? "\"[" + address + "]\"" : address);
        }
        if (host != null) {
            value.append(";host=\"").append(host.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        return value.append(";proto=").append(proto).toString();
    }
}
