package votes.infra.gateway.edge;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.LinkedList;
import java.util.List;
import java.util.Optional;

/**
 * The hops of a request the gateway can vouch for, the client first and the TCP peer last. From an untrusted peer
 * that is the peer alone, whatever its X-Forwarded-For says. From a trusted proxy, X-Forwarded-For is read from the
 * right (each proxy appends the address it saw) and kept down to the first address that is not a trusted proxy:
 * that one is the client; whatever stands to its left was written by the client and is dropped. An entry that is
 * not an address ends the walk at the trusted hop to its right.
 */
public final class ForwardedChain {

    private ForwardedChain() {
    }

    /** @param forwardedFor every X-Forwarded-For value in arrival order; read only when the peer is trusted */
    public static List<InetAddress> resolve(InetAddress peer, List<String> forwardedFor, TrustedProxies trusted) {
        LinkedList<InetAddress> hops = new LinkedList<>();
        hops.add(peer);
        if (!trusted.trusts(peer)) {
            return hops;
        }
        List<String> entries = new ArrayList<>();
        forwardedFor.forEach(value -> entries.addAll(List.of(value.split(","))));
        for (int i = entries.size() - 1; i >= 0; i--) {
            Optional<InetAddress> hop = AddressLiteral.parse(entries.get(i));
            if (hop.isEmpty()) {
                break;
            }
            hops.addFirst(hop.get());
            if (!trusted.trusts(hop.get())) {
                break;
            }
        }
        return hops;
    }
}
