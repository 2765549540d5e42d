package votes.infra.gateway.edge;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.List;

/**
 * The proxies in front of the gateway whose X-Forwarded-For the gateway believes (GATEWAY_TRUSTED_PROXIES: addresses
 * or CIDR blocks, comma-separated; none by default). A client's own forwarding headers are never believed.
 */
public record TrustedProxies(List<AddressBlock> blocks) {

    public TrustedProxies {
        blocks = List.copyOf(blocks);
    }

    public static TrustedProxies none() {
        return new TrustedProxies(List.of());
    }

    /** @throws IllegalArgumentException naming the entry that is neither an address nor a CIDR block */
    public static TrustedProxies parse(String setting) {
        if (setting == null || setting.isBlank()) {
            return none();
        }
        return new TrustedProxies(Arrays.stream(setting.split(",")).filter(s -> !s.isBlank())
                .map(AddressBlock::parse).toList());
    }

    public boolean trusts(InetAddress address) {
        // Asked for every proxied request, usually of an empty list: no stream for it.
        for (AddressBlock block : blocks) {
            if (block.contains(address)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return blocks.isEmpty() ? "no trusted proxies" : "trusted proxies " + blocks;
    }
}
