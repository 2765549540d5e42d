package votes.infra.gateway.edge;

import io.vertx.core.Future;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyResponse;
import java.net.InetAddress;
import java.util.Optional;

/** Applies {@link InboundHeaders} to every proxied request, from what the gateway knows of its connection. */
public final class ForwardingInterceptor implements ProxyInterceptor {

    private static final int DEFAULT_HTTP_PORT = 80;

    private final InboundHeaders rules;

    public ForwardingInterceptor(TrustedProxies trusted) {
        this.rules = new InboundHeaders(trusted);
    }

    @Override
    public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
        var client = context.request().proxiedRequest();
        Optional<InetAddress> peer = Optional.ofNullable(client.remoteAddress())
                .flatMap(address -> AddressLiteral.parse(address.hostAddress()));
        if (peer.isEmpty()) {
            // Not a TCP peer (never on our listener): nothing to vouch for, so say nothing rather than pass claims on.
            return Future.succeededFuture(context.request().release().response().setStatusCode(400));
        }
        String authority = client.authority() == null ? null : client.authority().toString();
        int port = client.localAddress() == null ? DEFAULT_HTTP_PORT : client.localAddress().port();
        rules.rewrite(context.request().headers(), peer.get(), authority,
                client.scheme() == null ? "http" : client.scheme(), port);
        return context.sendRequest();
    }
}
