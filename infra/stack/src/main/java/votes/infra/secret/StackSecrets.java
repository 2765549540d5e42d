package votes.infra.secret;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * The stack's generated credentials and keys (passwords, HMAC keys), one file each under {@code .vote/secrets/}:
 * random on first use, kept across {@code ./vote down}/{@code up} so data written under them stays readable, never
 * committed. The folder is 0700 and each file 0600, created with those rights (no window where another local user
 * could read a fresh secret).
 */
public final class StackSecrets {

    /** 256 bits: the strength of the HMAC-SHA256 keys and SCRAM passwords these become. */
    static final int SECRET_BYTES = 32;

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9.-]{0,63}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path dir;

    private StackSecrets(Path dir) {
        this.dir = dir;
    }

    public static StackSecrets in(Path dir) {
        return new StackSecrets(dir.toAbsolutePath().normalize());
    }

    public Path dir() {
        return dir;
    }

    /** Where the named secret lives (it may not exist yet). */
    public Path file(String name) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a secret's name is lower-case letters, digits, '.' and '-': " + name);
        }
        return dir.resolve(name);
    }

    /** The named secret: read if this stack has it, else generated (base64url, no padding: safe in URLs and JAAS). */
    public String get(String name) {
        Path file = file(name);
        try {
            if (!Files.exists(file)) {
                create(file, random());
            }
            String value = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (value.isEmpty()) {
                throw new IllegalStateException("the secret file " + file + " is empty; delete it to get a new one");
            }
            return value;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the secret " + file, e);
        }
    }

    /** Writes a file only its owner can read (certificates' private keys, client property files with passwords). */
    public Path writePrivate(String name, String content) {
        Path file = file(name);
        try {
            ensureDir();
            Files.deleteIfExists(file);
            create(file, content);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /**
     * Written whole under a temporary name, then linked into place: a parallel reader sees no file or the full
     * secret, never an empty one (three brokers starting at once did), and a hard link refuses to replace, so the
     * first writer's secret is the stack's.
     */
    private void create(Path file, String content) throws IOException {
        ensureDir();
        Path draft = Files.createTempFile(dir, "." + file.getFileName(), ".new",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            Files.writeString(draft, content, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
            Files.createLink(file, draft);
        } catch (FileAlreadyExistsException raced) {
            // another process of this stack made it first: theirs is the secret
        } finally {
            Files.deleteIfExists(draft);
        }
    }

    private void ensureDir() throws IOException {
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir.getParent());
            try {
                Files.createDirectory(dir,
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } catch (FileAlreadyExistsException raced) {
                // made by a parallel start of the same stack; its rights are the same
            }
        }
    }

    private static String random() {
        byte[] bytes = new byte[SECRET_BYTES];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
