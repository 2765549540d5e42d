package votes.events.sample;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * A wire format as it was frozen: a test resource under {@code votes/events/}, one JSON document per file,
 * exactly the bytes a producer writes (no trailing newline). A test comparing against one fails on any
 * accidental change of field names, order or rendering.
 */
public final class FrozenSample {

    private FrozenSample() {
    }

    public static byte[] bytes(String name) {
        try (InputStream in = FrozenSample.class.getResourceAsStream("/votes/events/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no frozen sample " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String read(String name) {
        return new String(bytes(name), StandardCharsets.UTF_8);
    }
}
