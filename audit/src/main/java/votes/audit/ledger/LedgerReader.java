package votes.audit.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import votes.audit.progress.Progress;
import votes.proofs.checkpoint.Checkpoint;
import votes.proofs.checkpoint.LogHead;
import votes.proofs.checkpoint.SignedCheckpoint;
import votes.events.codec.EventCodec;
import votes.events.poll.Poll;
import votes.events.poll.PollOption;

/**
 * Reads the ledger's PostgreSQL the way the audit needs it: big tables streamed in order with a cursor (fetch
 * size), small ones read whole, never a query per row. Read-only transactions only.
 */
public final class LedgerReader {

    /** Rows per round trip of a streamed query: big enough that latency does not count, small enough for memory. */
    public static final int FETCH = 10_000;
    /**
     * Sort memory for the snapshot's transaction. The votes are read in leaf order and there is no index on
     * (kafka_partition, leaf_index) (it cost the ledger's writes too much): PostgreSQL sorts them, and a million
     * rows sort in memory in about a second instead of spilling to disk with the default 4 MB.
     */
    static final String SORT_WORK_MEM = "512MB";

    private final Connection db;

    /** Takes ownership of nothing: the caller closes the connection. */
    public LedgerReader(Connection db) {
        this.db = db;
    }

    public boolean hasTable(String table) throws SQLException {
        try (PreparedStatement q = db.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            q.setString(1, "public." + table);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    public boolean hasColumn(String table, String column) throws SQLException {
        try (PreparedStatement q = db.prepareStatement(
                "SELECT 1 FROM information_schema.columns WHERE table_schema = 'public' AND table_name = ? AND column_name = ?")) {
            q.setString(1, table);
            q.setString(2, column);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** merkle_logs and every checkpoint, in one snapshot; {@link MerkleState#unavailable()} before V3. */
    public MerkleState merkleState() throws SQLException {
        if (!hasTable("merkle_logs") || !hasTable("checkpoints") || !hasColumn("votes", "leaf_index")) {
            return MerkleState.unavailable();
        }
        return inSnapshot(() -> {
            Map<Integer, MerkleLogRow> logs = new HashMap<>();
            try (Statement q = db.createStatement();
                 ResultSet rs = q.executeQuery("SELECT log_id, size, root FROM merkle_logs")) {
                while (rs.next()) {
                    logs.put(rs.getInt(1), new MerkleLogRow(rs.getInt(1), rs.getLong(2), rs.getBytes(3)));
                }
            }
            List<SignedCheckpoint> checkpoints = new ArrayList<>();
            try (Statement q = db.createStatement()) {
                q.setFetchSize(FETCH);
                try (ResultSet rs = q.executeQuery(
                        "SELECT " + Checkpoints.COLUMNS + " FROM checkpoints ORDER BY sequence")) {
                    while (rs.next()) {
                        checkpoints.add(Checkpoints.read(rs));
                    }
                }
            }
            Map<Integer, Long> legacy = new HashMap<>();
            try (Statement q = db.createStatement();
                 ResultSet rs = q.executeQuery("SELECT kafka_partition, max(kafka_offset) FROM votes"
                         + " WHERE leaf_index IS NULL GROUP BY kafka_partition")) {
                while (rs.next()) {
                    legacy.put(rs.getInt(1), rs.getLong(2));
                }
            }
            return new MerkleState(true, logs, checkpoints, legacy);
        });
    }

    /**
     * Reads {@code vote_voids} (of {@code poll}, or all; null on a database before V9), then streams every vote (all
     * polls: the Merkle roots need them; in leaf order per partition) and the rejections (of {@code poll}, or all),
     * then reads the aggregates — all in one snapshot.
     */
    public LedgerSnapshot read(String poll, Consumer<List<VoidRow>> voids, Consumer<VoteRow> votes,
                               Consumer<RejectionRow> rejections, Progress progress) throws SQLException {
        boolean leafIndex = hasColumn("votes", "leaf_index");
        boolean voidColumns = hasTable("vote_voids") && hasColumn("votes", "void_event_id");
        return inSnapshot(() -> {
            try (Statement q = db.createStatement()) {
                q.execute("SET LOCAL work_mem = '" + SORT_WORK_MEM + "'");
            }
            voids.accept(voidColumns ? VoidRows.read(db, poll) : null);
            progress.start("ledger rows", -1);
            streamVotes(leafIndex, voidColumns, votes, progress);
            streamRejections(poll, rejections, progress);
            progress.finish();
            // Voided rows stay in votes but no longer count: tally_deltas subtracted them.
            String counted = voidColumns ? "count(*) FILTER (WHERE voided_at IS NULL)" : "count(*)";
            return new LedgerSnapshot(polls(poll),
                    counts("SELECT poll_id, option_id, " + counted + " FROM votes" + where(poll)
                            + " GROUP BY poll_id, option_id", poll),
                    counts("SELECT poll_id, option_id, sum(vote_count) FROM tally_deltas" + where(poll)
                            + " GROUP BY poll_id, option_id", poll),
                    duplicates(poll));
        });
    }

    private void streamVotes(boolean leafIndex, boolean voidColumns, Consumer<VoteRow> votes, Progress progress)
            throws SQLException {
        String order = leafIndex ? "kafka_partition, leaf_index NULLS FIRST, kafka_offset" : "kafka_partition, kafka_offset";
        try (Statement q = db.createStatement()) {
            q.setFetchSize(FETCH);
            try (ResultSet rs = q.executeQuery("SELECT event_id, poll_id, voter_id, option_id, submitted_at,"
                    + " kafka_partition, kafka_offset, " + (leafIndex ? "leaf_index" : "NULL::bigint") + ", "
                    + (voidColumns ? "void_event_id, voided_at, void_reason" : "NULL::uuid, NULL::timestamptz, NULL")
                    + " FROM votes ORDER BY " + order)) {
                while (rs.next()) {
                    long leaf = rs.getLong(8);
                    Long index = rs.wasNull() ? null : leaf;
                    UUID voidEvent = rs.getObject(9, UUID.class);
                    VoteRow.VoidMark voided = voidEvent == null ? null
                            : new VoteRow.VoidMark(voidEvent, instant(rs, 10), rs.getString(11));
                    votes.accept(new VoteRow(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                            rs.getString(4), instant(rs, 5), rs.getInt(6), rs.getLong(7), index, voided));
                    progress.advance(1);
                }
            }
        }
    }

    private void streamRejections(String poll, Consumer<RejectionRow> rejections, Progress progress)
            throws SQLException {
        try (PreparedStatement q = db.prepareStatement("SELECT event_id, poll_id, voter_id, option_id, reason,"
                + " submitted_at, kafka_partition, kafka_offset FROM rejections"
                + (poll == null ? "" : " WHERE poll_id = ?") + " ORDER BY kafka_partition, kafka_offset")) {
            q.setFetchSize(FETCH);
            if (poll != null) {
                q.setString(1, poll);
            }
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    rejections.accept(new RejectionRow(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                            rs.getString(4), rs.getString(5), instant(rs, 6), rs.getInt(7), rs.getLong(8)));
                    progress.advance(1);
                }
            }
        }
    }

    /**
     * The polls with votes recorded from records at or past {@code ends} (partition → offset): votes that arrived
     * while the audit ran, which the replay did not judge. A scan (no index on the offsets): called only when
     * published tallies differ, to tell a live poll from a wrong tally.
     */
    public Set<String> pollsPast(Map<Integer, Long> ends) throws SQLException {
        Set<String> polls = new HashSet<>();
        if (ends.isEmpty()) {
            return polls;
        }
        StringBuilder sql = new StringBuilder("SELECT DISTINCT poll_id FROM votes WHERE false");
        ends.forEach((partition, end) -> sql.append(" OR (kafka_partition = ? AND kafka_offset >= ?)"));
        try (PreparedStatement q = db.prepareStatement(sql.toString())) {
            int i = 1;
            for (Map.Entry<Integer, Long> end : ends.entrySet()) {
                q.setInt(i++, end.getKey());
                q.setLong(i++, end.getValue());
            }
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    polls.add(rs.getString(1));
                }
            }
        }
        return polls;
    }

    /** Every poll row, as the ledger's {@code PollRows} reads it. */
    public Map<String, Poll> polls(String poll) throws SQLException {
        Map<String, Poll> polls = new HashMap<>();
        try (PreparedStatement q = db.prepareStatement("SELECT poll_id, title, options::text, opens_at, closes_at,"
                + " closed_at, created_at FROM polls" + where(poll))) {
            if (poll != null) {
                q.setString(1, poll);
            }
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    List<PollOption> options = List.of(EventCodec.fromJson(rs.getString(3), PollOption[].class));
                    polls.put(rs.getString(1), new Poll(rs.getString(1), rs.getString(2), options, instant(rs, 4),
                            instant(rs, 5), instant(rs, 6), instant(rs, 7)));
                }
            }
        }
        return polls;
    }

    private DuplicateVoters duplicates(String poll) throws SQLException {
        try (PreparedStatement q = db.prepareStatement("SELECT poll_id, voter_id, count(*), string_agg(event_id::text, ', ')"
                + " FROM votes" + where(poll) + " GROUP BY poll_id, voter_id HAVING count(*) > 1 ORDER BY poll_id, voter_id")) {
            if (poll != null) {
                q.setString(1, poll);
            }
            try (ResultSet rs = q.executeQuery()) {
                long pairs = 0;
                String first = null;
                while (rs.next()) {
                    if (pairs++ == 0) {
                        first = "poll " + rs.getString(1) + ", voter " + rs.getString(2) + ": " + rs.getLong(3)
                                + " votes rows (events " + rs.getString(4) + ")";
                    }
                }
                return new DuplicateVoters(pairs, first);
            }
        }
    }

    private Map<String, Map<String, Long>> counts(String sql, String poll) throws SQLException {
        Map<String, Map<String, Long>> counts = new HashMap<>();
        try (PreparedStatement q = db.prepareStatement(sql)) {
            if (poll != null) {
                q.setString(1, poll);
            }
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    counts.computeIfAbsent(rs.getString(1), k -> new HashMap<>()).put(rs.getString(2), rs.getLong(3));
                }
            }
        }
        return counts;
    }

    /** One checkpoint row as the signed object; the body is the Checkpoint's logs, as the ledger stores them. */
    static SignedCheckpoint checkpoint(long sequence, String origin, Instant issuedAt, String body, byte[] signature,
                                       String keyId, String publicKey) {
        List<LogHead> heads = List.of(EventCodec.fromJson(body, LogHead[].class));
        return new SignedCheckpoint(new Checkpoint(origin, sequence, issuedAt, heads),
                Base64.getEncoder().encodeToString(signature), publicKey, keyId);
    }

    private static String where(String poll) {
        return poll == null ? "" : " WHERE poll_id = ?";
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime time = rs.getObject(column, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }

    @FunctionalInterface
    private interface SqlWork<T> {
        T run() throws SQLException;
    }

    private <T> T inSnapshot(SqlWork<T> work) throws SQLException {
        boolean autoCommit = db.getAutoCommit();
        db.setAutoCommit(false); // a cursor (fetch size) streams only inside a transaction
        db.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        db.setReadOnly(true);
        try {
            return work.run();
        } finally {
            db.rollback();
            db.setAutoCommit(autoCommit);
        }
    }
}
