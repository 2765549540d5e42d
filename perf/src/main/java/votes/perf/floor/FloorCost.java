package votes.perf.floor;

/**
 * What one part of the vote path costs alone, per operation: the client's CPU (the process doing it) and the
 * server's (the stack's process tree serving it, beyond its idle burn). NaN for a side that has none (an RS256
 * verify has no server; the bare endpoint's client is the load generator, which the stack's total leaves out too).
 */
public record FloorCost(String part, String how, long ops, double clientMicros, double serverMicros) {

    public double clientPerOp() {
        return clientMicros / ops;
    }

    public double serverPerOp() {
        return serverMicros / ops;
    }

    /** Both sides per operation; a side that does not apply counts as zero. */
    public double totalPerOp() {
        return zeroIfNaN(clientPerOp()) + zeroIfNaN(serverPerOp());
    }

    private static double zeroIfNaN(double d) {
        return Double.isNaN(d) ? 0 : d;
    }
}
