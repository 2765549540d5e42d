package votes.infra.redis;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import votes.infra.stack.StackException;

/**
 * The OS's redis-server when on PATH, else the Redis 6.2 build shipped inside the embedded-redis jar
 * (a Maven Central artifact), extracted once into the stack's home.
 */
public final class RedisBinary {

    private RedisBinary() {
    }

    public static Path locate(Path home) {
        String path = System.getenv().getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin");
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, "redis-server");
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return extract(home.resolve("bin"));
    }

    static String resourceName() {
        String arch = System.getProperty("os.arch");
        if (!System.getProperty("os.name").toLowerCase().contains("linux")) {
            throw new StackException("No redis-server on PATH; install Redis (only Linux builds are bundled)");
        }
        return switch (arch) {
            case "amd64", "x86_64" -> "redis-server-6.2.6-v5-linux-amd64";
            case "aarch64", "arm64" -> "redis-server-6.2.7-linux-arm64";
            default -> throw new StackException("No redis-server on PATH and no bundled build for " + arch);
        };
    }

    private static Path extract(Path binDir) {
        String resource = resourceName();
        Path target = binDir.resolve(resource);
        if (Files.isExecutable(target)) {
            return target;
        }
        try (InputStream in = RedisBinary.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new StackException("No redis-server on PATH and " + resource
                        + " is not on the classpath (com.github.codemonstur:embedded-redis)");
            }
            Files.createDirectories(binDir);
            Path tmp = Files.createTempFile(binDir, "redis", ".tmp");
            Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
            tmp.toFile().setExecutable(true, false);
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
