package votes.system;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 written byte for byte on a socket: java.net.http refuses the very requests the fuzz suite is about
 * (invalid bytes in headers, any Content-Length, Host or Connection, bodies that lie about their length), and cannot
 * bind a source address (a client on its own 127.x.y.z, as the gateway's per-address limits see clients). One request
 * per connection ({@code Connection: close}), read to the end; for an event stream only the head is read.
 */
public final class RawHttp {

    private static final int TIMEOUT_MILLIS = 30_000;
    /** A hostile request's answer is small; a bigger one is cut here (only its head and first bytes are judged). */
    private static final int MAX_ANSWER_BYTES = 1 << 20;

    private final String host;
    private final int port;

    public RawHttp(String origin) {
        URI uri = URI.create(origin);
        this.host = uri.getHost();
        this.port = uri.getPort();
    }

    /** What {@code Host} names: the origin's host and port. */
    public String authority() {
        return host + ":" + port;
    }

    /**
     * @param source  the loopback address the connection comes from, or null for the system's choice
     * @param request the whole request, head and body
     * @param stream  whether an event stream may answer (then only its head is read)
     * @return the answer, or {@link Answer#NONE} when the server closed the connection without one
     */
    public Answer send(String source, byte[] request, boolean stream) throws IOException {
        try (Socket socket = new Socket()) {
            if (source != null) {
                socket.bind(new InetSocketAddress(InetAddress.getByName(source), 0));
            }
            socket.connect(new InetSocketAddress(host, port), TIMEOUT_MILLIS);
            socket.setSoTimeout(TIMEOUT_MILLIS);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(request);
                out.flush();
            } catch (SocketException refusedMidway) {
                // The server may answer (413, 431) and close before it read everything we had to send.
            }
            InputStream in = socket.getInputStream();
            if (!stream) {
                return Answer.parse(all(in));
            }
            byte[] head = head(in);
            Answer answer = Answer.parse(head);
            // A stream that was refused is an ordinary answer: its problem body ends.
            boolean streaming = answer.status() == 200 && String.valueOf(answer.header("Content-Type")).startsWith("text/event-stream");
            if (streaming) {
                return answer;
            }
            ByteArrayOutputStream whole = new ByteArrayOutputStream();
            whole.write(head);
            whole.write(all(in));
            return Answer.parse(whole.toByteArray());
        }
    }

    private static byte[] all(InputStream in) throws IOException {
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) >= 0 && answer.size() < MAX_ANSWER_BYTES; ) {
                answer.write(buffer, 0, n);
            }
        } catch (SocketException reset) {
            // A reset after the answer (the server refused to read the rest of our body) keeps what came.
        }
        return answer.toByteArray();
    }

    /** Up to the blank line after the headers: an event stream never ends by itself. */
    private static byte[] head(InputStream in) throws IOException {
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        try {
            for (int b; (b = in.read()) >= 0 && answer.size() < MAX_ANSWER_BYTES; ) {
                answer.write(b);
                byte[] sofar = answer.toByteArray();
                int n = sofar.length;
                if (n >= 4 && sofar[n - 4] == '\r' && sofar[n - 3] == '\n' && sofar[n - 2] == '\r' && sofar[n - 1] == '\n') {
                    break;
                }
            }
        } catch (SocketException reset) {
            // as in all()
        }
        return answer.toByteArray();
    }

    /** A parsed answer: status 0 when there was none. Header names are lower case. */
    public record Answer(int status, Map<String, String> headers, byte[] body) {

        static final Answer NONE = new Answer(0, Map.of(), new byte[0]);

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        static Answer parse(byte[] raw) {
            int end = indexOf(raw, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), 0);
            if (end < 0) {
                return NONE;
            }
            String[] lines = new String(raw, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
            String[] statusLine = lines[0].split(" ", 3);
            if (statusLine.length < 2 || !statusLine[0].startsWith("HTTP/")) {
                return NONE;
            }
            Map<String, String> headers = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                if (colon > 0) {
                    headers.putIfAbsent(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                            lines[i].substring(colon + 1).trim());
                }
            }
            byte[] body = Arrays.copyOfRange(raw, end + 4, raw.length);
            if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
                body = dechunk(body);
            }
            return new Answer(Integer.parseInt(statusLine[1]), headers, body);
        }

        private static byte[] dechunk(byte[] chunked) {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            int at = 0;
            while (at < chunked.length) {
                int eol = indexOf(chunked, new byte[] {'\r', '\n'}, at);
                if (eol < 0) {
                    break;
                }
                String size = new String(chunked, at, eol - at, StandardCharsets.ISO_8859_1).split(";")[0].trim();
                int length = size.isEmpty() ? 0 : Integer.parseInt(size, 16);
                if (length == 0) {
                    break;
                }
                body.write(chunked, eol + 2, Math.min(length, chunked.length - eol - 2));
                at = eol + 2 + length + 2;
            }
            return body.toByteArray();
        }

        private static int indexOf(byte[] haystack, byte[] needle, int from) {
            outer:
            for (int i = from; i <= haystack.length - needle.length; i++) {
                for (int j = 0; j < needle.length; j++) {
                    if (haystack[i + j] != needle[j]) {
                        continue outer;
                    }
                }
                return i;
            }
            return -1;
        }
    }
}
