package votes.infra.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;

/** The run/<component>.pid and .port files: how a later `./vote` finds what an earlier one started. */
public record RunFiles(Path runDir) {

    public void record(String component, long pid, int port) {
        try {
            Files.createDirectories(runDir);
            Files.writeString(runDir.resolve(component + ".pid"), pid + "\n");
            Files.writeString(runDir.resolve(component + ".port"), port + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public OptionalLong pid(String component) {
        return read(component + ".pid").map(v -> OptionalLong.of(Long.parseLong(v))).orElse(OptionalLong.empty());
    }

    public Optional<Integer> port(String component) {
        return read(component + ".port").map(Integer::parseInt);
    }

    public void forget(String component) {
        try {
            Files.deleteIfExists(runDir.resolve(component + ".pid"));
            Files.deleteIfExists(runDir.resolve(component + ".port"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Optional<String> read(String name) {
        try {
            Path file = runDir.resolve(name);
            if (!Files.isRegularFile(file)) {
                return Optional.empty();
            }
            String value = Files.readString(file).trim();
            return value.isEmpty() ? Optional.empty() : Optional.of(value);
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}
