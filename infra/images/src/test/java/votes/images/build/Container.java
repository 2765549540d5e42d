package votes.images.build;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs an unpacked image as a runtime would, without one: its own root directory mounted read-only (a tmpfs on
 * /tmp, as the pods mount an emptyDir), /proc and /dev, a fresh PID namespace, only the image's environment plus
 * what the caller adds, its working directory and its user. The network is the host's, so a test can call it.
 * Needs root (mount and PID namespaces), as CI and the developers' machines have.
 */
final class Container {

    private Container() {
    }

    static Process start(UnpackedImage image, List<String> command, List<String> extraEnv, Path log)
            throws IOException {
        Path root = image.rootfs();
        Files.createDirectories(root.resolve("proc"));
        Files.createDirectories(root.resolve("dev"));
        String r = root.toString();
        List<String> run = new ArrayList<>(List.of("exec", "env", "-i"));
        run.addAll(image.env());
        run.addAll(extraEnv);
        String[] user = image.config().path("User").asText().split(":");
        run.addAll(List.of("unshare", "--root", r, "--wd", image.config().path("WorkingDir").asText(),
                "--setuid", user[0], "--setgid", user[1]));
        run.addAll(command);
        String script = String.join(" && ", "mount --bind " + r + " " + r, "mount -o remount,bind,ro " + r,
                "mount -t tmpfs tmpfs " + r + "/tmp", "mount -t proc proc " + r + "/proc",
                "mount --rbind /dev " + r + "/dev", String.join(" ", run.stream().map(Container::quoted).toList()));
        return new ProcessBuilder("unshare", "--mount", "--pid", "--fork", "--kill-child", "sh", "-c", script)
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static String quoted(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
