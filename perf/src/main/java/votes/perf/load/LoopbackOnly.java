package votes.perf.load;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;

/** The generator is a load tool: it refuses any target that is not this machine. */
public final class LoopbackOnly {

    private LoopbackOnly() {
    }

    public static URI check(String url) {
        URI uri = URI.create(url);
        if (!"http".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException("need an http://127.0.0.1:<port> URL, got " + url);
        }
        String host = uri.getHost();
        boolean loopback;
        if (host.equals("localhost")) {
            loopback = true;
        } else if (host.matches("[0-9.]+")) {
            try {
                loopback = InetAddress.getByName(host).isLoopbackAddress();
            } catch (UnknownHostException e) {
                loopback = false;
            }
        } else {
            loopback = false; // no DNS lookups: names other than localhost are refused outright
        }
        if (!loopback) {
            throw new IllegalArgumentException("refusing to load " + host + ": only 127.0.0.1/localhost targets");
        }
        return uri;
    }
}
