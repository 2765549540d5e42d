package votes.audit.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import votes.audit.check.Check;
import votes.audit.check.Checklist;
import votes.audit.check.ReportText;
import votes.audit.check.Status;
import votes.audit.check.Tracker;
import votes.audit.ledger.Checkpoints;
import votes.audit.ledger.TileStore;
import votes.audit.receipt.ReceiptJson;
import votes.events.checkpoint.LogHead;
import votes.events.checkpoint.SignedCheckpoint;
import votes.events.merkle.MerkleHash;
import votes.events.merkle.MerkleProofs;
import votes.events.merkle.ProofRequest;

@Command(name = "consistency", mixinStandardHelpOptions = true,
        description = "Proves the newer checkpoint's logs extend the older one's (RFC 6962 consistency proofs computed " +
                "from the ledger's stored tiles, verified against both signed roots): nothing recorded before " +
                "the old checkpoint was changed or removed since.")
public final class ConsistencyCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "OLD", description = "The older checkpoint: a JSON file or a sequence number.")
    String oldCheckpoint;

    @Parameters(index = "1", paramLabel = "NEW", description = "The newer checkpoint: a JSON file or a sequence number.")
    String newCheckpoint;

    @Mixin
    Connections connections;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (Connection db = connections.jdbc().connect()) {
            SignedCheckpoint older = load(db, oldCheckpoint);
            SignedCheckpoint newer = load(db, newCheckpoint);
            if (older == null || newer == null) {
                err.println("audit: no checkpoint " + (older == null ? oldCheckpoint : newCheckpoint) + " in the ledger");
                return Checklist.COULD_NOT_RUN;
            }
            TrustedKey trusted = TrustedKey.load(connections.publicKey());
            List<Check> checks = new ArrayList<>();
            checks.add(signature(1, "the old checkpoint is signed by the trusted key", older, trusted));
            checks.add(signature(2, "the new checkpoint is signed by the trusted key", newer, trusted));
            checks.add(extend(db, older, newer));
            Checklist checklist = new Checklist(checks);
            out.print(ReportText.render("consistency #" + older.checkpoint().sequence() + " → #"
                    + newer.checkpoint().sequence(), checklist));
            out.flush();
            return checklist.exitCode();
        }
    }

    private static Check extend(Connection db, SignedCheckpoint older, SignedCheckpoint newer) throws Exception {
        String title = "every log of the new checkpoint extends the old one";
        Tracker t = new Tracker(3, title);
        if (!older.checkpoint().origin().equals(newer.checkpoint().origin())) {
            t.fail("origins differ: " + older.checkpoint().origin() + " vs " + newer.checkpoint().origin());
        }
        long proofHashes = 0;
        for (LogHead oldHead : older.checkpoint().logs()) {
            LogHead newHead = newer.checkpoint().log(oldHead.log());
            if (newHead == null) {
                t.fail("log " + oldHead.log() + " is in the old checkpoint but not in the new one");
                continue;
            }
            if (newHead.size() < oldHead.size()) {
                t.fail("log " + oldHead.log() + " shrank from " + oldHead.size() + " to " + newHead.size() + " leaves");
                continue;
            }
            List<byte[]> proof = oldHead.size() == 0 || oldHead.size() == newHead.size() ? List.of()
                    : MerkleProofs.consistency(oldHead.size(), newHead.size(), new TileStore(db).nodes(oldHead.log(),
                    ProofRequest.consistency(oldHead.size(), newHead.size())));
            proofHashes += proof.size();
            boolean holds = oldHead.size() == 0 || MerkleProofs.verifyConsistency(oldHead.size(), newHead.size(),
                    MerkleHash.fromHex(oldHead.root()), MerkleHash.fromHex(newHead.root()), proof);
            if (holds) {
                t.pass();
            } else {
                t.fail("log " + oldHead.log() + ": no consistency from size " + oldHead.size() + " (root " + oldHead.root()
                        + ") to size " + newHead.size() + " (root " + newHead.root() + ")");
            }
        }
        return t.result(t.checked() + " logs, " + proofHashes + " proof hashes from the ledger's tiles");
    }

    private static Check signature(int number, String title, SignedCheckpoint signed, TrustedKey trusted) {
        if (trusted.key() == null) {
            return Check.error(number, title, trusted.problem());
        }
        boolean ok = signed.verify(trusted.key());
        String what = "checkpoint #" + signed.checkpoint().sequence() + " issued " + signed.checkpoint().issuedAt();
        return new Check(number, title, ok ? Status.PASS : Status.FAIL, 1, ok ? 0 : 1, what,
                ok ? null : what + ": the signature does not verify (key id " + signed.keyId() + ")");
    }

    private static SignedCheckpoint load(Connection db, String ref) throws Exception {
        Path file = Path.of(ref);
        if (Files.isRegularFile(file)) {
            return ReceiptJson.checkpoint(Files.readString(file));
        }
        try {
            return new Checkpoints(db).bySequence(Long.parseLong(ref));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(ref + " is neither a checkpoint file nor a sequence number");
        }
    }
}
