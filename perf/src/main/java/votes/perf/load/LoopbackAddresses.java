package votes.perf.load;

import java.util.ArrayList;
import java.util.List;

/**
 * Source addresses for many clients on one machine: every 127.x.y.z is this host (Linux routes all of
 * 127.0.0.0/8 to lo), so spreading clients over addresses gives each its own ephemeral port range and lets a
 * per-address cap on the server see them as different clients. An entry is an address, or {@code a.b.c.d+N} for N
 * consecutive ones (skipping .0 and .255 in the last octet). Pure.
 */
public final class LoopbackAddresses {

    private static final int MAX_ADDRESSES = 65_536;

    private LoopbackAddresses() {
    }

    public static List<String> expand(List<String> entries) {
        List<String> out = new ArrayList<>();
        for (String entry : entries) {
            String e = entry.trim();
            int plus = e.indexOf('+');
            String first = plus < 0 ? e : e.substring(0, plus);
            int count = plus < 0 ? 1 : Integer.parseInt(e.substring(plus + 1).trim());
            if (count < 1 || out.size() + count > MAX_ADDRESSES) {
                throw new IllegalArgumentException("1.." + MAX_ADDRESSES + " addresses, got " + entry);
            }
            long address = parse(first);
            for (int i = 0; i < count; i++) {
                while ((address & 0xFF) == 0 || (address & 0xFF) == 255) {
                    address++;
                }
                if ((address >>> 24) != 127) {
                    throw new IllegalArgumentException(entry + " leaves 127.0.0.0/8");
                }
                out.add(format(address));
                address++;
            }
        }
        return out;
    }

    private static long parse(String dotted) {
        String[] parts = dotted.split("\\.");
        if (parts.length != 4) {
            throw new IllegalArgumentException("not an IPv4 address: " + dotted);
        }
        long value = 0;
        for (String p : parts) {
            int octet = Integer.parseInt(p);
            if (octet < 0 || octet > 255) {
                throw new IllegalArgumentException("not an IPv4 address: " + dotted);
            }
            value = value << 8 | octet;
        }
        if ((value >>> 24) != 127) {
            throw new IllegalArgumentException("only loopback source addresses (127.0.0.0/8), got " + dotted);
        }
        return value;
    }

    private static String format(long a) {
        return (a >>> 24 & 0xFF) + "." + (a >>> 16 & 0xFF) + "." + (a >>> 8 & 0xFF) + "." + (a & 0xFF);
    }
}
