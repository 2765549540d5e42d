package votes.audit.receipt;

import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import votes.audit.check.Check;
import votes.audit.check.Checklist;
import votes.audit.check.Status;
import votes.proofs.checkpoint.LogHead;
import votes.proofs.checkpoint.SignedCheckpoint;
import votes.proofs.merkle.InclusionProof;
import votes.proofs.merkle.ReceiptChain;
import votes.proofs.receipt.ReceiptView;
import votes.proofs.merkle.LedgerLeaf;
import votes.proofs.merkle.MerkleHash;

/**
 * Checks a receipt with nothing but the receipt and the trusted key: the entry hashes to the leaf, the proof
 * leads from the leaf to the checkpoint's root, the checkpoint is signed. Pure; each step is one checklist item.
 */
public final class ReceiptVerifier {

    private ReceiptVerifier() {
    }

    public static Checklist verify(ReceiptView receipt, PublicKey trusted, String keyProblem) {
        List<Check> checks = new ArrayList<>();
        LedgerLeaf entry = receipt.entry();
        ReceiptChain chain = receipt.chain() == null ? null : receipt.chain().orElse(null);
        if (entry == null) {
            checks.add(fail(1, "the receipt is of a recorded vote", "status " + receipt.status()
                    + (receipt.reason() == null ? "" : " (" + receipt.reason() + ")") + ": no ledger entry to prove"));
            return new Checklist(checks);
        }
        boolean sameVote = receipt.receiptId() == null || receipt.receiptId().equals(entry.eventId());
        checks.add(sameVote ? pass(1, "the entry is this receipt's vote", "event " + entry.eventId() + ", poll "
                + entry.pollId() + ", option " + entry.optionId())
                : fail(1, "the entry is this receipt's vote", "receipt " + receipt.receiptId() + " carries entry "
                + entry.eventId()));
        if (chain == null) {
            checks.add(Check.error(2, "a checkpoint covers the vote", "the receipt has no chain yet: no checkpoint covers"
                    + " the vote (fetch it again in a second)"));
            return new Checklist(checks);
        }
        String leafHash = MerkleHash.hex(entry.hash());
        checks.add(leafHash.equals(chain.leafHash()) && entry.partition() == chain.log()
                ? pass(2, "the leaf hash is the hash of the entry", leafHash + " (log " + chain.log() + ", leaf "
                + chain.leafIndex() + ")")
                : fail(2, "the leaf hash is the hash of the entry", "entry hashes to " + leafHash + " in log "
                + entry.partition() + ", the receipt says " + chain.leafHash() + " in log " + chain.log()));
        SignedCheckpoint signed = chain.checkpoint();
        if (signed == null) {
            checks.add(fail(3, "the checkpoint is signed by the trusted key", "the chain carries no checkpoint"));
            return new Checklist(checks);
        }
        if (trusted == null) {
            checks.add(Check.error(3, "the checkpoint is signed by the trusted key", keyProblem));
        } else if (signed.verify(trusted)) {
            checks.add(pass(3, "the checkpoint is signed by the trusted key", "checkpoint #"
                    + signed.checkpoint().sequence() + " of " + signed.checkpoint().origin() + ", issued "
                    + signed.checkpoint().issuedAt() + ", key " + signed.keyId()));
        } else {
            checks.add(fail(3, "the checkpoint is signed by the trusted key", "checkpoint #"
                    + signed.checkpoint().sequence() + ": the signature does not verify (key id " + signed.keyId() + ")"));
        }
        LogHead head = signed.checkpoint().log(chain.log());
        if (head == null || head.size() != chain.treeSize() || chain.leafIndex() >= chain.treeSize()) {
            checks.add(fail(4, "the checkpoint covers the leaf", "log " + chain.log() + " leaf " + chain.leafIndex()
                    + " in a tree of " + chain.treeSize() + "; the checkpoint has " + (head == null ? "no such log"
                    : head.size() + " leaves")));
            return new Checklist(checks);
        }
        checks.add(pass(4, "the checkpoint covers the leaf", "log " + chain.log() + ": leaf " + chain.leafIndex() + " of "
                + head.size()));
        // The events/ check, which also turns a malformed hash (a forged proof) into "does not verify".
        InclusionProof proof = chain.proof();
        int hashes = chain.inclusionProof().size();
        checks.add(proof.verify(entry, signed.checkpoint())
                ? pass(5, "the inclusion proof leads from the leaf to the checkpoint's root", hashes + " hashes to root "
                + head.root())
                : fail(5, "the inclusion proof leads from the leaf to the checkpoint's root", "the " + hashes
                + " hashes do not lead to root " + head.root()));
        return new Checklist(checks);
    }

    /** The checklist of a document that is JSON but no valid receipt (a malformed hash, a missing member). */
    public static Checklist malformed(MalformedDocument problem) {
        return new Checklist(List.of(fail(1, "the receipt is well-formed", problem.getMessage())));
    }

    static Check pass(int number, String title, String summary) {
        return new Check(number, title, Status.PASS, 1, 0, summary, null);
    }

    static Check fail(int number, String title, String offender) {
        return new Check(number, title, Status.FAIL, 1, 1, "does not hold", offender);
    }
}
