package votes.infra.rebuild;

/** A Merkle log at a size: the tree of its first {@code size} leaves. */
record LogAt(int log, long size) implements Comparable<LogAt> {

    @Override
    public int compareTo(LogAt other) {
        int byLog = Integer.compare(log, other.log);
        return byLog != 0 ? byLog : Long.compare(size, other.size);
    }
}
