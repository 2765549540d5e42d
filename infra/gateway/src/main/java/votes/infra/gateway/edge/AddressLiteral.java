package votes.infra.gateway.edge;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An IP address written in a header or a setting, never a host name: header values come from clients, and looking a
 * name up would let them make the gateway resolve whatever they like. Accepts what proxies write in X-Forwarded-For
 * and Forwarded: {@code 192.0.2.1}, {@code 192.0.2.1:4711}, {@code 2001:db8::1}, {@code [2001:db8::1]:4711},
 * quoted.
 */
public final class AddressLiteral {

    private static final Pattern IPV4 = Pattern.compile("^\\d{1,3}(\\.\\d{1,3}){3}$");
    private static final Pattern IPV4_WITH_PORT = Pattern.compile("^(\\d{1,3}(?:\\.\\d{1,3}){3}):\\d{1,5}$");
    private static final Pattern BRACKETED_IPV6 = Pattern.compile("^\\[([0-9A-Fa-f:.]+)](?::\\d{1,5})?$");
    private static final Pattern IPV6 = Pattern.compile("^[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*$");

    private AddressLiteral() {
    }

    public static Optional<InetAddress> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String value = text.strip();
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1);
        }
        // A plain IPv4 address first: every request's TCP peer is parsed here (none of the other forms matches it).
        if (!IPV4.matcher(value).matches()) {
            var withPort = IPV4_WITH_PORT.matcher(value);
            var bracketed = BRACKETED_IPV6.matcher(value);
            if (withPort.matches()) {
                value = withPort.group(1);
            } else if (bracketed.matches()) {
                value = bracketed.group(1);
            } else if (!IPV6.matcher(value).matches()) {
                return Optional.empty();
            }
        }
        try {
            // A literal only (checked above): getByName parses it without any lookup.
            return Optional.of(InetAddress.getByName(value));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }
}
