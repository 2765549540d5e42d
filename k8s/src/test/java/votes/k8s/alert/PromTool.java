package votes.k8s.alert;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import votes.infra.debian.DebianPackage;
import votes.infra.stack.Detached;
import votes.k8s.render.Overlay;

/** Debian's {@code prometheus} package's {@code promtool} (Prometheus 2.42), run on files of this module. */
public final class PromTool {

    private static final String PACKAGE = "prometheus";
    private static final long RUN_TIMEOUT_SECONDS = 120;

    private PromTool() {
    }

    /** {@code promtool <arguments>} in {@code dir}: exit code and output (stdout and stderr). */
    public static Detached.Finished run(Path dir, String... arguments) {
        Path target = Overlay.moduleDir().resolve("target");
        List<String> command = new ArrayList<>();
        command.add(DebianPackage.binary(target, PACKAGE, "usr/bin/promtool").toString());
        command.addAll(List.of(arguments));
        return Detached.runToEnd(command, dir, Map.of(), target, RUN_TIMEOUT_SECONDS);
    }
}
