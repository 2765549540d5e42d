package votes.k8s.workload;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The environment variables a service really reads, from its own sources: the {@code ${NAME:default}} of its
 * properties file, or for the gateway (plain Vert.x, no config file) the upper-case names its Java code looks up.
 */
final class ServiceSources {

    /** Deployment name -> the file or folder its variables are read from, relative to the repository's root. */
    static final Map<String, String> READ_FROM = Map.of(
            "ingest", "ingest/src/main/resources/application.properties",
            "ledger", "ledger/src/main/resources/application.properties",
            "cdc-relay", "ledger/cdc-relay/src/main/resources/cdc-relay.properties",
            "projections", "projections/src/main/resources/application.properties",
            "realtime", "realtime/src/main/resources/application.properties",
            "gateway", "infra/gateway/src/main/java");

    private static final Pattern PROPERTY_REFERENCE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)");
    private static final Pattern JAVA_NAME = Pattern.compile("\"([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)\"");

    private ServiceSources() {
    }

    static Set<String> variablesRead(Path repoRoot, String service) {
        Path source = repoRoot.resolve(READ_FROM.get(service));
        Set<String> names = new TreeSet<>();
        try (Stream<Path> files = Files.isDirectory(source) ? Files.walk(source) : Stream.of(source)) {
            files.filter(Files::isRegularFile).forEach(file -> {
                boolean java = file.toString().endsWith(".java");
                for (String line : lines(file)) {
                    if (!java && line.stripLeading().startsWith("#")) {
                        continue;
                    }
                    Matcher m = (java ? JAVA_NAME : PROPERTY_REFERENCE).matcher(line);
                    while (m.find()) {
                        names.add(m.group(1));
                    }
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return names;
    }

    private static java.util.List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
