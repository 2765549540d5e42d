package votes.events.checkpoint;

/** One log's head in a checkpoint: its size and root (hex). */
public record LogHead(int log, long size, String root) {
}
