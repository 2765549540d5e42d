package votes.ledger.merkle;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import votes.proofs.merkle.TileAppender;

/**
 * Appends a batch's records to the logs of their partitions. Pure: the caller holds the logs' row locks, so the
 * sizes it read are the logs' true sizes and the indexes handed out here are contiguous. Leaves go in (partition,
 * offset) order, the order an auditor replaying a partition from offset 0 meets them.
 *
 * @param records one entry per record, in (partition, offset) order
 * @param logs one update per log that got at least one leaf, by log id
 */
public record LogAppends(List<LeafAppend> records, List<LogUpdate> logs) {

    private static final Comparator<LeafSource> LOG_ORDER =
            Comparator.comparingInt(LeafSource::partition).thenComparingLong(LeafSource::offset);

    /**
     * @param stored the locked logs by id; a record's partition must be among them
     * @param records the votes the batch records (its plan's records), in any order
     */
    public static LogAppends of(Map<Integer, StoredLog> stored, List<? extends LeafSource> records) {
        Map<Integer, TileAppender> appenders = new TreeMap<>();
        List<LeafAppend> appended = new ArrayList<>(records.size());
        for (LeafSource entry : records.stream().sorted(LOG_ORDER).toList()) {
            TileAppender appender = appenders.computeIfAbsent(entry.partition(), log -> {
                StoredLog row = stored.get(log);
                if (row == null) {
                    throw new IllegalStateException("log " + log + " was not locked for this batch");
                }
                return new TileAppender(row.size(), row.rightEdge());
            });
            appended.add(new LeafAppend(entry, entry.leaf(), appender.size()));
            appender.append(entry.leafHash());
        }
        List<LogUpdate> updates = new ArrayList<>(appenders.size());
        appenders.forEach((log, appender) -> updates.add(new LogUpdate(log, appender.size(), appender.root(),
                appender.rightEdge(), appender.fullTiles())));
        return new LogAppends(List.copyOf(appended), List.copyOf(updates));
    }

    /**
     * One leaf appended to one locked log (a void's, see {@code votes.ledger.voiding}): its index is the log's size
     * as locked.
     */
    public static LogUpdate one(StoredLog log, byte[] leafHash) {
        TileAppender appender = new TileAppender(log.size(), log.rightEdge());
        appender.append(leafHash);
        return new LogUpdate(log.logId(), appender.size(), appender.root(), appender.rightEdge(),
                appender.fullTiles());
    }

    /** The right edge of a log with no leaf yet, as the appender itself encodes it. */
    public static byte[] emptyRightEdge() {
        return new TileAppender(0, new byte[0]).rightEdge();
    }
}
