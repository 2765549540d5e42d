package votes.k8s.render;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MappingIterator;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * One overlay of {@code k8s/overlays/} as {@code kubectl kustomize} renders it: the objects a cluster would get.
 * Rendered once per test JVM and shared by every test that asks.
 */
public record Overlay(String name, List<ObjectNode> objects) {

    /** The overlays every check runs over. */
    public static final List<String> NAMES = List.of("dev", "prod");

    private static final long RENDER_TIMEOUT_SECONDS = 120;
    private static final Map<String, Overlay> RENDERED = new ConcurrentHashMap<>();
    private static final YAMLMapper YAML = new YAMLMapper();

    /** The k8s module's folder (Surefire's basedir). */
    public static Path moduleDir() {
        return Path.of(System.getProperty("basedir", ".")).toAbsolutePath().normalize();
    }

    /** The repository's root: the services' sources are the truth some checks compare against. */
    public static Path repoRoot() {
        return moduleDir().getParent();
    }

    public static Overlay rendered(String name) {
        return RENDERED.computeIfAbsent(name, Overlay::render);
    }

    public List<ObjectNode> ofKind(String kind) {
        return objects.stream().filter(o -> kind.equals(o.path("kind").asString())).toList();
    }

    public ObjectNode one(String kind, String objectName) {
        return ofKind(kind).stream().filter(o -> objectName.equals(o.path("metadata").path("name").asString()))
                .findFirst().orElseThrow(() -> new AssertionError(name + " renders no " + kind + " " + objectName));
    }

    private static Overlay render(String name) {
        Path target = moduleDir().resolve("target");
        Path kubectl = KubernetesClient.kubectl(target);
        Path out = target.resolve("rendered-" + name + ".yaml");
        Path err = target.resolve("rendered-" + name + ".err");
        try {
            Process process = new ProcessBuilder(kubectl.toString(), "kustomize",
                    moduleDir().resolve("overlays").resolve(name).toString())
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!process.waitFor(RENDER_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("kubectl kustomize " + name + " took over " + RENDER_TIMEOUT_SECONDS + " s");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("kubectl kustomize overlays/" + name + " failed: " + Files.readString(err));
            }
            return new Overlay(name, parse(Files.readString(out)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static List<ObjectNode> parse(String yaml) {
        List<ObjectNode> objects = new ArrayList<>();
        try (MappingIterator<JsonNode> documents = YAML.readerFor(JsonNode.class).readValues(yaml)) {
            while (documents.hasNextValue()) {
                JsonNode document = documents.nextValue();
                if (document instanceof ObjectNode object) {
                    objects.add(object);
                }
            }
        }
        return objects;
    }
}
