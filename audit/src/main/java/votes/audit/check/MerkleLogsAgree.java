package votes.audit.check;

import static votes.audit.check.Check.count;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import votes.audit.ledger.MerkleLogRow;
import votes.audit.ledger.VoteRow;
import votes.audit.replay.Expected;
import votes.audit.replay.RootHistory;
import votes.proofs.merkle.LedgerLeaf;
import votes.proofs.merkle.MerkleHash;
import votes.proofs.merkle.VoidLeaf;

/**
 * Item 10: each Merkle log in the ledger has the root the log yields at its size — a vote log per partition of
 * votes.submitted, a void log per partition of poll-events ({@link VoidLeaf}) — and the {@code votes} rows, hashed in
 * leaf order as they stream by, yield their vote log's root too: a row changed, deleted or added shows here even when
 * its poll is not the audited one. A void log's rows ({@code vote_voids}) hold no vote ids to hash: item 14 checks
 * each one's position in its log instead.
 */
public final class MerkleLogsAgree implements AuditCheck {

    public static final int NUMBER = 10;
    public static final String TITLE = "Merkle logs: the ledger's roots = the log's, the rows hash to them";

    private final Tracker tracker = new Tracker(NUMBER, TITLE);
    private final Map<Integer, RootHistory> rowLogs = new HashMap<>();
    private final Map<Integer, Set<Long>> wantedSizes;

    /** @param wantedSizes partition → the log sizes whose roots the ledger's logs and checkpoints name */
    public MerkleLogsAgree(Map<Integer, Set<Long>> wantedSizes) {
        this.wantedSizes = wantedSizes;
    }

    @Override
    public void anyVote(VoteRow row) {
        if (row.leafIndex() == null) {
            return;
        }
        RootHistory log = rowLogs.computeIfAbsent(row.partition(),
                p -> new RootHistory(wantedSizes.getOrDefault(p, Set.of())));
        if (row.leafIndex() != log.size()) {
            // Rows arrive in leaf order: a gap is a deleted row, a repeat an inserted one.
            tracker.fail("partition " + row.partition() + ": leaf_index " + log.size() + " expected next, found "
                    + row.leafIndex() + " (event " + row.eventId() + ", votes.submitted " + row.partition() + "@"
                    + row.offset() + ")");
        }
        log.append(new LedgerLeaf(row.eventId(), row.pollId(), row.voterId(), row.optionId(), row.submittedAt(),
                row.partition(), row.offset()).hash());
    }

    @Override
    public void vote(VoteRow row, Expected e) {
        if (e != null && e.recorded() && e.leafIndex() >= 0 && !Objects.equals(row.leafIndex(), e.leafIndex())) {
            tracker.fail(e.where() + ": leaf_index expected " + e.leafIndex() + ", found " + row.leafIndex());
        }
    }

    @Override
    public Check verdict(Evidence evidence) {
        if (!evidence.merkle().available()) {
            return Check.skip(NUMBER, TITLE, "the ledger has no Merkle log (database before V3)");
        }
        long leaves = 0;
        for (MerkleLogRow row : new TreeMap<>(evidence.merkle().logs()).values()) {
            leaves += row.size();
            String bad = mismatch(row, evidence.replay().logs().get(row.log()));
            if (bad == null) {
                tracker.pass();
            } else {
                tracker.fail(bad);
            }
        }
        return tracker.result(count(evidence.merkle().logs().size()) + " logs, " + count(leaves) + " leaves");
    }

    /** How the ledger's log row differs from the replayed log and from its own rows, or null when it does not. */
    private String mismatch(MerkleLogRow row, RootHistory log) {
        long replayed = log == null ? 0 : log.size();
        byte[] expected = log == null ? (row.size() == 0 ? MerkleHash.emptyRoot() : null) : log.rootAt(row.size());
        if (expected == null) {
            return name(row.log()) + ": merkle_logs has " + row.size() + " leaves, the log yields only " + replayed;
        }
        if (!Arrays.equals(expected, row.root())) {
            return name(row.log()) + " at size " + row.size() + ": the log's root " + MerkleHash.hex(expected)
                    + ", merkle_logs root " + MerkleHash.hex(row.root());
        }
        if (VoidLeaf.isVoidLog(row.log())) {
            return null;
        }
        RootHistory rows = rowLogs.get(row.log());
        byte[] fromRows = rows == null ? (row.size() == 0 ? MerkleHash.emptyRoot() : null) : rows.rootAt(row.size());
        if (!Arrays.equals(expected, fromRows)) {
            return "log " + row.log() + " at size " + row.size() + ": the votes rows hash to "
                    + (fromRows == null ? "nothing (" + (rows == null ? 0 : rows.size()) + " rows with a leaf index)"
                    : MerkleHash.hex(fromRows)) + ", the signed log's root is " + MerkleHash.hex(expected)
                    + " (a row was changed, deleted or added)";
        }
        return null;
    }

    /** "log 3" for a vote log, "void log 1000002 (poll-events partition 2)" for a void log. */
    static String name(int log) {
        return VoidLeaf.isVoidLog(log) ? "void log " + log + " (poll-events partition " + (log - VoidLeaf.LOG_ID_BASE)
                + ")" : "log " + log;
    }
}
