package votes.infra.gateway.edge;

import java.net.InetAddress;
import java.util.Arrays;

/** A CIDR block ({@code 10.0.0.0/8}, {@code 2001:db8::/32}) or one address (its full-length block). */
public record AddressBlock(InetAddress network, int prefixLength) {

    private static final int BITS_PER_BYTE = 8;

    public AddressBlock {
        int bits = network.getAddress().length * BITS_PER_BYTE;
        if (prefixLength < 0 || prefixLength > bits) {
            throw new IllegalArgumentException("prefix length " + prefixLength + " out of 0.." + bits + " for " + network);
        }
    }

    /** @throws IllegalArgumentException naming the text when it is neither an address nor a CIDR block */
    public static AddressBlock parse(String text) {
        String value = text.strip();
        int slash = value.indexOf('/');
        String address = slash < 0 ? value : value.substring(0, slash);
        InetAddress network = AddressLiteral.parse(address).orElseThrow(
                () -> new IllegalArgumentException("not an IP address or CIDR block: '" + text + "'"));
        int bits = network.getAddress().length * BITS_PER_BYTE;
        try {
            return new AddressBlock(network, slash < 0 ? bits : Integer.parseInt(value.substring(slash + 1)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a CIDR block: '" + text + "'", e);
        }
    }

    public boolean contains(InetAddress address) {
        byte[] net = network.getAddress();
        byte[] candidate = address.getAddress();
        if (net.length != candidate.length) {
            return false;
        }
        int whole = prefixLength / BITS_PER_BYTE;
        if (!Arrays.equals(net, 0, whole, candidate, 0, whole)) {
            return false;
        }
        int rest = prefixLength % BITS_PER_BYTE;
        if (rest == 0) {
            return true;
        }
        int mask = (0xFF << (BITS_PER_BYTE - rest)) & 0xFF;
        return (net[whole] & mask) == (candidate[whole] & mask);
    }

    @Override
    public String toString() {
        return network.getHostAddress() + "/" + prefixLength;
    }
}
