package votes.proofs.checkpoint;

import java.util.regex.Pattern;

/**
 * One log's head in a checkpoint: its size and root (64 lower-case hex digits). Validated so that the signed note
 * has one reading only: a root carrying a line break could otherwise smuggle a second "log" line.
 */
public record LogHead(int log, long size, String root) {

    private static final Pattern ROOT = Pattern.compile("[0-9a-f]{64}");

    public LogHead {
        if (log < 0 || size < 0) {
            throw new IllegalArgumentException("a log head has a log id and size >= 0, not " + log + "/" + size);
        }
        if (root == null || !ROOT.matcher(root).matches()) {
            throw new IllegalArgumentException("a root is 64 lower-case hex digits, not: " + root);
        }
    }
}
