package votes.system.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One generated bad request, as bytes on the wire.
 *
 * @param kind     what makes it bad, for the report and the statistics
 * @param target   the request-target, raw (it may hold bytes no URI allows)
 * @param stream   an event stream: only the head of the answer is read
 * @param changing a request that would change state if it were accepted (a vote, a new or closed poll): a 2xx
 *                 answer to it means a generator produced a valid request, which the suite must never do
 */
record HostileRequest(String kind, String method, byte[] target, List<Header> headers, byte[] body, boolean stream,
                      boolean changing) {

    /** A header as sent: its value may hold any byte. */
    record Header(String name, byte[] value) {

        static Header of(String name, String value) {
            return new Header(name, value.getBytes(StandardCharsets.UTF_8));
        }
    }

    static HostileRequest of(String kind, String method, String target, List<Header> headers, byte[] body,
                             boolean changing) {
        return new HostileRequest(kind, method, target.getBytes(StandardCharsets.UTF_8), List.copyOf(headers), body,
                false, changing);
    }

    HostileRequest withHeader(Header header) {
        List<Header> more = new ArrayList<>(headers);
        more.add(header);
        return new HostileRequest(kind, method, target, List.copyOf(more), body, stream, changing);
    }

    HostileRequest asStream() {
        return new HostileRequest(kind, method, target, headers, body, true, changing);
    }

    HostileRequest kind(String why) {
        return new HostileRequest(why, method, target, headers, body, stream, changing);
    }

    /** Under /api, where every error must be problem+json (pages outside it are realtime's HTML and files). */
    boolean api() {
        return path().startsWith("/api");
    }

    String path() {
        String text = new String(target, StandardCharsets.ISO_8859_1);
        int query = text.indexOf('?');
        return query < 0 ? text : text.substring(0, query);
    }

    byte[] bytes(String hostAndPort) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes((method + " ").getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(target);
        out.writeBytes((" HTTP/1.1\r\nHost: " + hostAndPort + "\r\nConnection: close\r\n").getBytes(StandardCharsets.ISO_8859_1));
        for (Header header : headers) {
            out.writeBytes((header.name() + ": ").getBytes(StandardCharsets.ISO_8859_1));
            out.writeBytes(header.value());
            out.writeBytes(new byte[] {'\r', '\n'});
        }
        if (body != null) {
            out.writeBytes(("Content-Length: " + body.length + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        }
        out.writeBytes(new byte[] {'\r', '\n'});
        if (body != null) {
            out.writeBytes(body);
        }
        return out.toByteArray();
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(kind).append(": ").append(method).append(' ')
                .append(shown(target, 160));
        for (Header header : headers) {
            text.append(" | ").append(header.name()).append(": ").append(shown(header.value(), 80));
        }
        if (body != null) {
            text.append(" | body (").append(body.length).append(" bytes): ").append(shown(body, 160));
        }
        return text.toString();
    }

    /** Printable ASCII as is, anything else escaped, cut at max bytes. */
    private static String shown(byte[] bytes, int max) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < Math.min(bytes.length, max); i++) {
            int b = bytes[i] & 0xff;
            text.append(b >= 0x20 && b < 0x7f ? String.valueOf((char) b) : String.format("\\x%02x", b));
        }
        return bytes.length > max ? text + "…(" + bytes.length + " bytes)" : text.toString();
    }
}
