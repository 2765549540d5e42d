package votes.images.sbom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import votes.images.base.DebianPackage;

/**
 * The image's CycloneDX SBOM: what the CycloneDX Maven plugin wrote for the module (its Maven dependencies), plus the
 * Debian packages of the base (the JRE, glibc …), which no Maven plugin can see but the image ships all the same.
 */
public final class ImageSbom {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ImageSbom() {
    }

    /** Adds the base's packages to the module's SBOM at {@code sbom}, in place; fails when the plugin wrote none. */
    public static void addBase(Path sbom, List<DebianPackage> packages) {
        if (!Files.isRegularFile(sbom)) {
            throw new IllegalStateException(sbom + " is missing: the module's images profile runs cyclonedx makeBom");
        }
        try {
            ObjectNode bom = (ObjectNode) JSON.readTree(sbom.toFile());
            ArrayNode components = bom.has("components") ? (ArrayNode) bom.get("components")
                    : bom.putArray("components");
            for (DebianPackage pkg : packages) {
                if (!contains(components, pkg.purl())) {
                    components.addObject().put("type", "library").put("bom-ref", pkg.purl())
                            .put("name", pkg.name()).put("version", pkg.version()).put("purl", pkg.purl());
                }
            }
            JSON.writerWithDefaultPrettyPrinter().writeValue(sbom.toFile(), bom);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean contains(ArrayNode components, String purl) {
        for (JsonNode component : components) {
            if (purl.equals(component.path("purl").asText())) {
                return true;
            }
        }
        return false;
    }
}
