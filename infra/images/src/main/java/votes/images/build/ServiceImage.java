package votes.images.build;

import java.nio.file.Path;
import java.util.Optional;

/**
 * One service's image: its module, the image name ({@code votes/} + the module's last path segment, as k8s/
 * references it), the main class when it is not a Quarkus fast-jar, and where the tarball and SBOM go.
 */
record ServiceImage(Path module, String name, Optional<String> mainClass) {

    /** {@code module[:main class]}, the module relative to the repository root. */
    static ServiceImage parse(Path repo, String spec) {
        int colon = spec.indexOf(':');
        String module = colon < 0 ? spec : spec.substring(0, colon);
        Optional<String> mainClass = colon < 0 ? Optional.empty() : Optional.of(spec.substring(colon + 1));
        return new ServiceImage(repo.resolve(module), Path.of(module).getFileName().toString(), mainClass);
    }

    String reference() {
        return "votes/" + name;
    }

    Path tarball() {
        return module.resolve("target/image/votes-" + name + ".tar");
    }

    /** Written by the CycloneDX plugin in the module's own build (its images profile). */
    Path sbom() {
        return module.resolve("target/image/votes-" + name + ".cdx.json");
    }
}
