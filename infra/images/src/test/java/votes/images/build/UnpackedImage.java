package votes.images.build;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * An OCI image tarball unpacked the way a container runtime does it: index -> manifest -> config, then every layer
 * extracted in order over one root directory. Read with the image's own files only, nothing from the build.
 */
record UnpackedImage(Path rootfs, String reference, JsonNode config) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long TAR_TIMEOUT_SECONDS = 300;

    static UnpackedImage of(Path tarball, Path into) throws IOException, InterruptedException {
        Path layout = Files.createDirectories(into.resolve("layout"));
        tar(List.of("tar", "-xf", tarball.toString(), "-C", layout.toString()));
        JsonNode index = JSON.readTree(layout.resolve("index.json").toFile()).path("manifests").get(0);
        JsonNode manifest = JSON.readTree(blob(layout, index.path("digest").asText()).toFile());
        JsonNode config = JSON.readTree(blob(layout, manifest.path("config").path("digest").asText()).toFile());
        Path rootfs = Files.createDirectories(into.resolve("rootfs"));
        for (JsonNode layer : manifest.path("layers")) {
            tar(List.of("tar", "-xzf", blob(layout, layer.path("digest").asText()).toString(), "-C",
                    rootfs.toString(), "--warning=no-unknown-keyword"));
        }
        return new UnpackedImage(rootfs, index.path("annotations").path("org.opencontainers.image.ref.name").asText(),
                config.path("config"));
    }

    List<String> entrypoint() {
        List<String> command = new ArrayList<>();
        config.path("Entrypoint").forEach(part -> command.add(part.asText()));
        return command;
    }

    List<String> env() {
        List<String> env = new ArrayList<>();
        config.path("Env").forEach(e -> env.add(e.asText()));
        return env;
    }

    private static Path blob(Path layout, String digest) {
        return layout.resolve("blobs").resolve(digest.replace(':', '/'));
    }

    private static void tar(List<String> command) throws IOException, InterruptedException {
        Process tar = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(tar.getInputStream().readAllBytes());
        if (!tar.waitFor(TAR_TIMEOUT_SECONDS, TimeUnit.SECONDS) || tar.exitValue() != 0) {
            throw new IOException(command + " failed: " + output);
        }
    }
}
