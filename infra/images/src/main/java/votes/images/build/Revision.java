package votes.images.build;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import votes.infra.stack.Detached;

/**
 * The commit an image is built from: its full id (the OCI revision label) and the tag, {@code git rev-parse --short
 * HEAD}, with {@code -dirty} when tracked files differ from the commit, so a tag never claims a commit the image
 * does not hold.
 */
public record Revision(String commit, String tag, Optional<String> origin) {

    private static final long GIT_TIMEOUT_SECONDS = 60;

    public static Revision of(Path repo) {
        String commit = git(repo, "rev-parse", "HEAD");
        boolean dirty = !git(repo, "status", "--porcelain", "--untracked-files=no").isEmpty();
        String tag = git(repo, "rev-parse", "--short", "HEAD") + (dirty ? "-dirty" : "");
        Detached.Finished remote = Detached.runToEnd(List.of("git", "remote", "get-url", "origin"), repo, Map.of(),
                repo, GIT_TIMEOUT_SECONDS);
        Optional<String> origin = remote.exitCode() == 0 ? Optional.of(remote.output().strip()) : Optional.empty();
        return new Revision(commit, tag, origin);
    }

    private static String git(Path repo, String... args) {
        List<String> command = new java.util.ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        Detached.Finished done = Detached.runToEnd(command, repo, Map.of(), repo, GIT_TIMEOUT_SECONDS);
        if (done.exitCode() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + done.output());
        }
        return done.output().strip();
    }
}
