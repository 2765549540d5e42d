package votes.images.app;

import com.google.cloud.tools.jib.api.buildplan.AbsoluteUnixPath;
import com.google.cloud.tools.jib.api.buildplan.FileEntriesLayer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * A packaged module as image layers, ordered from what changes least to what changes on every commit, so a registry
 * and a node keep the third-party jars across releases: third-party libraries, our own libraries ({@code votes-*}),
 * then the application. Files land under {@link #ROOT}, owned by root and not writable by the user the image runs
 * as. Two shapes: a Quarkus fast-jar ({@code target/quarkus-app}) and a plain jar with its {@code target/lib}
 * (the gateway and the audit CLI, launched {@code java -cp jar:lib/* Main} as the stack launches them).
 */
public record AppLayout(List<FileEntriesLayer> layers, List<String> command) {

    /** Where Quarkus' own images put an application; the same for every image, so one probe path fits all. */
    public static final AbsoluteUnixPath ROOT = AbsoluteUnixPath.get("/deployments");

    /** {@code mainClass} empty: the module must be a Quarkus fast-jar. */
    public static AppLayout of(Path module, String name, Optional<String> mainClass, String java,
                               List<String> jvmOptions) {
        Path target = module.resolve("target");
        Path fastJar = target.resolve("quarkus-app");
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(jvmOptions);
        if (mainClass.isEmpty()) {
            require(fastJar.resolve("quarkus-run.jar"));
            command.addAll(List.of("-jar", ROOT.resolve("quarkus-run.jar").toString()));
            return new AppLayout(quarkusLayers(fastJar), List.copyOf(command));
        }
        Path jar = require(target.resolve("votes-" + name + ".jar"));
        command.addAll(List.of("-cp", ROOT.resolve(jar.getFileName().toString()) + ":" + ROOT.resolve("lib") + "/*",
                mainClass.get()));
        return new AppLayout(classpathLayers(target, jar), List.copyOf(command));
    }

    private static List<FileEntriesLayer> quarkusLayers(Path fastJar) {
        Predicate<Path> ours = AppLayout::isOurs;
        List<Path> libs = files(fastJar.resolve("lib"));
        List<Path> app = files(fastJar).stream().filter(f -> !f.startsWith(fastJar.resolve("lib"))).toList();
        return List.of(layer("dependencies", fastJar, libs.stream().filter(ours.negate()).toList()),
                layer("votes-libraries", fastJar, libs.stream().filter(ours).toList()),
                layer("application", fastJar, app));
    }

    private static List<FileEntriesLayer> classpathLayers(Path target, Path jar) {
        List<Path> libs = files(target.resolve("lib"));
        return List.of(layer("dependencies", target, libs.stream().filter(f -> !isOurs(f)).toList()),
                layer("votes-libraries", target, libs.stream().filter(AppLayout::isOurs).toList()),
                layer("application", target, List.of(jar)));
    }

    /** Our modules' jars: {@code votes-events-*.jar} from copy-dependencies, {@code io.votes.votes-*} in Quarkus. */
    static boolean isOurs(Path jar) {
        String file = jar.getFileName().toString();
        return file.startsWith("votes-") || file.startsWith("io.votes.");
    }

    private static FileEntriesLayer layer(String name, Path base, List<Path> files) {
        FileEntriesLayer.Builder layer = FileEntriesLayer.builder().setName(name);
        for (Path file : files) {
            layer.addEntry(file, ROOT.resolve(base.relativize(file).toString()));
        }
        return layer.build();
    }

    private static List<Path> files(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path require(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException(file + " is missing: package the module first (-Pimages package builds"
                    + " the services before this module)");
        }
        return file;
    }
}
