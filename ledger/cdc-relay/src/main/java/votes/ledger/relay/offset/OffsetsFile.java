package votes.ledger.relay.offset;

import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;

/**
 * The relay's offsets file, in Kafka Connect's {@code FileOffsetBackingStore} format (a serialized
 * {@code HashMap<byte[], byte[]>} of JSON key to JSON value), written so that it is durable before anything is
 * confirmed to the replication slot: a temporary file is written and fsync'ed, renamed over the old one
 * atomically, and the folder fsync'ed. Connect's own store truncates the file in place and never fsyncs, so a
 * {@code kill -9} mid-write leaves a torn file and a power cut can leave it older than the slot PostgreSQL
 * already confirmed.
 */
public final class OffsetsFile {

    private static final String TEMPORARY_SUFFIX = ".tmp";

    private OffsetsFile() {
    }

    /** Replaces the file's content with {@code entries}; returns once the new content is on disk. */
    public static void write(Path file, Map<byte[], byte[]> entries) {
        Path target = file.toAbsolutePath();
        Path temporary = target.resolveSibling(target.getFileName() + TEMPORARY_SUFFIX);
        try {
            Files.createDirectories(target.getParent());
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                OutputStream out = Channels.newOutputStream(channel);
                ObjectOutputStream objects = new ObjectOutputStream(out);
                objects.writeObject(new HashMap<>(entries));
                objects.flush();
                channel.force(true);
            }
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            // The rename is durable only once the folder's entry is.
            try (FileChannel folder = FileChannel.open(target.getParent(), StandardOpenOption.READ)) {
                folder.force(true);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the relay's offsets to " + target, e);
        }
    }

    /** The file's entries; empty if there is no file. */
    public static Map<byte[], byte[]> read(Path file) {
        try (InputStream in = Files.newInputStream(file); ObjectInputStream objects = new ObjectInputStream(in)) {
            Object content = objects.readObject();
            if (!(content instanceof Map<?, ?> map)) {
                throw new IllegalStateException(file + " is not an offsets file (holds " + content.getClass() + ")");
            }
            Map<byte[], byte[]> entries = new HashMap<>();
            map.forEach((key, value) -> entries.put((byte[]) key, (byte[]) value));
            return entries;
        } catch (NoSuchFileException e) {
            return Map.of();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the relay's offsets from " + file, e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(file + " is not an offsets file", e);
        }
    }
}
