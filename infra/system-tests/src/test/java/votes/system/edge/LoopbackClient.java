package votes.system.edge;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One vote over a socket bound to a chosen loopback source address (all of 127.0.0.0/8 is this machine's):
 * java.net.http cannot bind a source address, and the gateway takes the client address from the connection.
 */
final class LoopbackClient {

    private static final int TIMEOUT_MILLIS = 30_000;

    /** The status, the Retry-After header (or null) and the body of one answer. */
    record Answer(int status, String retryAfter, String body) {
    }

    private final int gatewayPort;

    LoopbackClient(int gatewayPort) {
        this.gatewayPort = gatewayPort;
    }

    Answer vote(String sourceAddress, String token, String pollId, String optionId) throws IOException {
        String body = "{\"optionId\":\"" + optionId + "\"}";
        String request = "POST /api/v1/polls/" + pollId + "/votes HTTP/1.1\r\nHost: 127.0.0.1:" + gatewayPort
                + "\r\nAuthorization: Bearer " + token + "\r\nContent-Type: application/json\r\nContent-Length: "
                + body.getBytes(StandardCharsets.UTF_8).length + "\r\nConnection: close\r\n\r\n" + body;
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(sourceAddress), 0));
            socket.connect(new InetSocketAddress("127.0.0.1", gatewayPort), TIMEOUT_MILLIS);
            socket.setSoTimeout(TIMEOUT_MILLIS);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.UTF_8));
            out.flush();
            return parse(readAll(socket.getInputStream()));
        }
    }

    private static String readAll(InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }

    private static Answer parse(String raw) {
        int headEnd = raw.indexOf("\r\n\r\n");
        String head = headEnd < 0 ? raw : raw.substring(0, headEnd);
        String[] lines = head.split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        String retryAfter = null;
        for (String line : lines) {
            if (line.toLowerCase(Locale.ROOT).startsWith("retry-after:")) {
                retryAfter = line.substring(line.indexOf(':') + 1).trim();
            }
        }
        return new Answer(status, retryAfter, headEnd < 0 ? "" : raw.substring(headEnd + 4));
    }
}
