package votes.infra.redis;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import votes.infra.redis.acl.RedisLogin;

/**
 * AUTH then PING in the Redis wire protocol: enough to tell "serving" from "port open", without a client library.
 * The stack's Redis answers nothing but NOAUTH to a connection that has not authenticated.
 */
public final class RedisPing {

    private static final String OK_THEN_PONG = "+OK\r\n+PONG\r\n";

    private RedisPing() {
    }

    public static boolean ping(int port, RedisLogin login) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            socket.setSoTimeout(1000);
            OutputStream out = socket.getOutputStream();
            out.write(command("AUTH", login.user(), login.password()));
            out.write(command("PING"));
            InputStream in = socket.getInputStream();
            byte[] reply = in.readNBytes(OK_THEN_PONG.length());
            return new String(reply, StandardCharsets.US_ASCII).equals(OK_THEN_PONG);
        } catch (IOException e) {
            return false;
        }
    }

    /** A RESP array of bulk strings: binary-safe, so a password is sent as it is. */
    static byte[] command(String... parts) {
        StringBuilder resp = new StringBuilder("*").append(parts.length).append("\r\n");
        for (String part : parts) {
            resp.append('$').append(part.getBytes(StandardCharsets.UTF_8).length).append("\r\n").append(part)
                    .append("\r\n");
        }
        return resp.toString().getBytes(StandardCharsets.UTF_8);
    }
}
