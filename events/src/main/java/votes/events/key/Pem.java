package votes.events.key;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

/** PEM, the form every key file of the stack is kept in (the JWT pair, the checkpoint pair): DER in base64 lines. */
public final class Pem {

    private static final int LINE = 64;

    private Pem() {
    }

    /** @param type e.g. "PUBLIC KEY" (X.509) or "PRIVATE KEY" (PKCS#8) */
    public static String encode(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(LINE, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    /** The DER inside a PEM file, whatever its type line says. */
    public static byte[] read(Path pem) {
        try {
            String body = Files.readString(pem).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return Base64.getDecoder().decode(body);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + pem + " (./vote up generates the dev keys)", e);
        }
    }
}
