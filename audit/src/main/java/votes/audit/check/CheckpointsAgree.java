package votes.audit.check;

import static votes.audit.check.Check.count;

import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import votes.audit.ledger.MerkleLogRow;
import votes.audit.ledger.MerkleState;
import votes.audit.replay.ReplayOutcome;
import votes.audit.replay.RootHistory;
import votes.proofs.checkpoint.LogHead;
import votes.proofs.checkpoint.SignedCheckpoint;
import votes.proofs.merkle.MerkleHash;

/**
 * Item 11: every signed checkpoint verifies with the trusted key, they are numbered without gaps, and every (size,
 * root) they sign is the log's — vote logs and void logs alike (a log the replay cannot rebuild, e.g. a void log of a
 * poll-events partition without voids, has no leaf to sign). Without a trusted key the item is incomplete (exit 2) even when all else holds.
 */
public final class CheckpointsAgree implements AuditCheck {

    public static final int NUMBER = 11;
    public static final String TITLE =
            "checkpoints: signed by the trusted key, numbered 1, 2, 3 … without gaps, every (size, root) = the log's";

    /** The ledger numbers its checkpoints from 1, each the previous + 1: a gap is a checkpoint removed. */
    static final long FIRST_CHECKPOINT = 1;

    @Override
    public Check verdict(Evidence evidence) {
        MerkleState merkle = evidence.merkle();
        if (!merkle.available()) {
            return Check.skip(NUMBER, TITLE, "the ledger has no checkpoints table (database before V3)");
        }
        if (merkle.checkpoints().isEmpty()) {
            long leaves = merkle.logs().values().stream().mapToLong(MerkleLogRow::size).sum();
            // The ledger signs within a second of any new leaf: leaves without a checkpoint are checkpoints removed.
            return leaves == 0 ? Check.skip(NUMBER, TITLE, "no leaf and no checkpoint yet")
                    : new Check(NUMBER, TITLE, Status.FAIL, 1, 1, "does not hold", "the Merkle logs hold "
                    + count(leaves) + " leaves but the checkpoints table is empty");
        }
        Tracker t = new Tracker(NUMBER, TITLE);
        List<SignedCheckpoint> sorted = new ArrayList<>(merkle.checkpoints());
        sorted.sort(Comparator.comparingLong(s -> s.checkpoint().sequence()));
        PublicKey trusted = evidence.trusted();
        long heads = 0;
        long next = FIRST_CHECKPOINT;
        for (SignedCheckpoint signed : sorted) {
            long sequence = signed.checkpoint().sequence();
            if (sequence != next) {
                t.failAlreadyCounted("checkpoint" + (sequence - next == 1 ? " #" + next : "s #" + next + " … #"
                        + (sequence - 1)) + " missing before #" + sequence + " (deleted? the ledger numbers them "
                        + FIRST_CHECKPOINT + ", " + (FIRST_CHECKPOINT + 1) + " … without gaps)");
            }
            next = sequence + 1;
            if (trusted != null && !signed.verify(trusted)) {
                t.fail("checkpoint #" + sequence + ": the signature does not verify with the trusted key (key id "
                        + signed.keyId() + ")");
                continue;
            }
            String bad = null;
            for (LogHead head : signed.checkpoint().logs()) {
                heads++;
                bad = wrongHead(sequence, head, evidence.replay());
                if (bad != null) {
                    break;
                }
            }
            if (bad == null) {
                t.pass();
            } else {
                t.fail(bad);
            }
        }
        Check result = t.result(count(sorted.size()) + " checkpoints (#" + sorted.get(0).checkpoint().sequence()
                + " … #" + sorted.get(sorted.size() - 1).checkpoint().sequence() + "), " + count(heads) + " log heads"
                + (trusted == null ? "; signatures NOT checked: " + evidence.keyProblem() : ", signatures verified"));
        if (trusted == null && result.status() == Status.PASS) {
            return new Check(NUMBER, TITLE, Status.ERROR, result.checked(), 0, result.summary(), null);
        }
        return result;
    }

    /** How a log head of checkpoint #sequence differs from what the log yields, or null when it does not. */
    private static String wrongHead(long sequence, LogHead head, ReplayOutcome replay) {
        RootHistory log = replay.logs().get(head.log());
        byte[] root = log == null ? (head.size() == 0 ? MerkleHash.emptyRoot() : null) : log.rootAt(head.size());
        if (root == null) {
            return "checkpoint #" + sequence + " " + MerkleLogsAgree.name(head.log()) + ": size " + head.size()
                    + " is beyond the log's " + (log == null ? 0 : log.size()) + " leaves";
        }
        if (!MerkleHash.hex(root).equals(head.root())) {
            return "checkpoint #" + sequence + " " + MerkleLogsAgree.name(head.log()) + " size " + head.size() + ": the log's root "
                    + MerkleHash.hex(root) + ", the checkpoint says " + head.root();
        }
        return null;
    }
}
