package votes.images.build;

import com.google.cloud.tools.jib.api.Containerizer;
import com.google.cloud.tools.jib.api.buildplan.ImageFormat;
import com.google.cloud.tools.jib.api.Jib;
import com.google.cloud.tools.jib.api.JibContainerBuilder;
import com.google.cloud.tools.jib.api.TarImage;
import com.google.cloud.tools.jib.api.buildplan.FileEntriesLayer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import votes.images.app.AppLayout;
import votes.images.base.BaseImage;
import votes.images.sbom.ImageSbom;
import votes.infra.stack.JvmOptions;

/**
 * Builds one OCI image tarball per service, {@code <module>/target/image/votes-<name>.tar} named
 * {@code votes/<name>:<short commit>}, beside the module's SBOM, with Jib Core: no Docker daemon, no registry.
 * Arguments: the repository root, then {@code module[:main class]} per image.
 */
public final class ImageBuild {

    private ImageBuild() {
    }

    public static void main(String[] args) throws Exception {
        Path repo = Path.of(args[0]).toAbsolutePath().normalize();
        Path cache = Path.of(System.getProperty("images.cache"));
        Path layersCache = Path.of(System.getProperty("images.layers-cache"));
        // The pom's flags (heap, OOM), then the ones every stack JVM idles with, for the base's JRE.
        List<String> jvmOptions = Stream.concat(Arrays.stream(System.getProperty("images.jvm-options", "").split(" "))
                .filter(o -> !o.isBlank()), JvmOptions.idleClock(BaseImage.JAVA_FEATURE).stream()).toList();
        Revision revision = Revision.of(repo);
        Optional<String> source = Optional.ofNullable(System.getProperty("images.source")).filter(s -> !s.isBlank())
                .or(revision::origin);
        BaseImage base = BaseImage.ensure(cache);
        for (String spec : Arrays.asList(args).subList(1, args.length)) {
            ServiceImage image = ServiceImage.parse(repo, spec);
            AppLayout layout = AppLayout.of(image.module(), image.name(), image.mainClass(), BaseImage.JAVA,
                    jvmOptions);
            long started = System.nanoTime();
            build(base, image, layout, revision, source, cache, layersCache);
            ImageSbom.addBase(image.sbom(), base.packages());
            System.out.printf("image %s:%s -> %s (%d s)%n", image.reference(), revision.tag(),
                    repo.relativize(image.tarball()), (System.nanoTime() - started) / 1_000_000_000L);
        }
    }

    private static void build(BaseImage base, ServiceImage image, AppLayout layout, Revision revision,
                              Optional<String> source, Path cache, Path layersCache) throws Exception {
        JibContainerBuilder container = Jib.from(TarImage.at(base.tarball()))
                .setFormat(ImageFormat.OCI)
                .setUser("65532:65532")
                .setWorkingDirectory(AppLayout.ROOT)
                .setEntrypoint(layout.command())
                .setLabels(labels(image, revision, source));
        for (FileEntriesLayer layer : layout.layers()) {
            container.addFileEntriesLayer(layer);
        }
        java.nio.file.Files.createDirectories(image.tarball().getParent());
        container.containerize(Containerizer.to(TarImage.at(image.tarball())
                        .named(image.reference() + ":" + revision.tag()))
                .setBaseImageLayersCache(cache.resolve(BaseImage.JIB_BASE_CACHE))
                .setApplicationLayersCache(layersCache)
                .setToolName("votes-images"));
    }

    static Map<String, String> labels(ServiceImage image, Revision revision, Optional<String> source) {
        Map<String, String> labels = new java.util.TreeMap<>(Map.of(
                "org.opencontainers.image.title", image.reference(),
                "org.opencontainers.image.revision", revision.commit(),
                "org.opencontainers.image.version", revision.tag()));
        source.ifPresent(s -> labels.put("org.opencontainers.image.source", s));
        return labels;
    }
}
