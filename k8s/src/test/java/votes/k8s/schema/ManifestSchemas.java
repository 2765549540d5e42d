package votes.k8s.schema;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The vendored JSON schemas of {@code k8s/schemas/} (one per apiVersion and kind, named {@code <group>_<version>_<Kind>.json};
 * k8s/README.md says where each came from), made strict before use. The API server drops a field a CRD does not
 * declare without a word, and a misspelt field of a Deployment is at best a warning: either way the setting silently
 * does nothing, which is what this check is for. So every object schema that lists its properties and does not say
 * otherwise refuses others, and Kubernetes' int-or-string values (ports, maxUnavailable) take either type.
 */
public final class ManifestSchemas {

    private static final JsonMapper JSON = new JsonMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7);

    private final Path dir;
    private final Map<String, Optional<Schema>> loaded = new ConcurrentHashMap<>();

    public ManifestSchemas(Path dir) {
        this.dir = dir;
    }

    /** The schema's file name for an object's apiVersion and kind. */
    public static String fileName(String apiVersion, String kind) {
        return apiVersion.replace('/', '_') + "_" + kind + ".json";
    }

    /** Every way the object breaks its kind's schema, one line each; empty when it holds. */
    public List<String> violations(JsonNode object) {
        String file = fileName(object.path("apiVersion").asString(), object.path("kind").asString());
        Optional<Schema> schema = loaded.computeIfAbsent(file, this::load);
        if (schema.isEmpty()) {
            return List.of("no vendored schema " + file + " in " + dir);
        }
        return schema.get().validate(object).stream()
                .map(error -> error.getInstanceLocation() + ": " + error.getMessage()).toList();
    }

    private Optional<Schema> load(String file) {
        Path path = dir.resolve(file);
        if (!Files.isRegularFile(path)) {
            return Optional.empty();
        }
        try {
            JsonNode schema = JSON.readTree(Files.readString(path));
            return Optional.of(REGISTRY.getSchema(strict(schema)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The schema with unknown properties refused and int-or-string made a real union; changes it in place. */
    static JsonNode strict(JsonNode node) {
        if (node instanceof ObjectNode object) {
            if (object.has("properties") && !object.has("additionalProperties")
                    && !object.path("x-kubernetes-preserve-unknown-fields").asBoolean(false)) {
                object.put("additionalProperties", false);
            }
            if ("int-or-string".equals(object.path("format").asString(""))) {
                ArrayNode types = NODES.arrayNode().add("integer").add("string");
                object.set("type", types);
                object.remove("format");
            }
            object.properties().forEach(entry -> strict(entry.getValue()));
        } else if (node instanceof ArrayNode array) {
            array.forEach(ManifestSchemas::strict);
        }
        return node;
    }
}
