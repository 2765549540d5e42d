package votes.audit.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
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
import votes.audit.receipt.MalformedDocument;
import votes.audit.receipt.ReceiptJson;
import votes.proofs.checkpoint.LogHead;
import votes.proofs.checkpoint.SignedCheckpoint;
import votes.proofs.merkle.MerkleHash;
import votes.proofs.merkle.MerkleProofs;
import votes.proofs.merkle.ProofRequest;

@Command(name = "consistency", mixinStandardHelpOptions = true,
        description = "Proves the newer checkpoint's logs extend the older one's (RFC 6962 consistency proofs computed " +
                "from the ledger's stored tiles, verified against both signed roots): nothing recorded before " +
                "the old checkpoint was changed or removed since.")
public final class ConsistencyCommand implements Callable<Integer> {

    private static final String EXTENDS = "every log of the new checkpoint extends the old one";

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
            Loaded older = load(db, oldCheckpoint);
            Loaded newer = load(db, newCheckpoint);
            if (older == null || newer == null) {
                err.println("audit: no checkpoint " + (older == null ? oldCheckpoint : newCheckpoint) + " in the ledger");
                return Checklist.COULD_NOT_RUN;
            }
            TrustedKey trusted = TrustedKey.load(connections.publicKey());
            List<Check> checks = new ArrayList<>();
            checks.add(signature(1, "the old checkpoint is signed by the trusted key", older, trusted));
            checks.add(signature(2, "the new checkpoint is signed by the trusted key", newer, trusted));
            checks.add(older.signed() == null || newer.signed() == null
                    ? Check.skip(3, EXTENDS, "a checkpoint is not well-formed: nothing to compare")
                    : extend(db, older.signed(), newer.signed()));
            Checklist checklist = new Checklist(checks);
            out.print(ReportText.render("consistency " + older.name() + " → " + newer.name(), checklist));
            out.flush();
            return checklist.exitCode();
        }
    }

    private static Check extend(Connection db, SignedCheckpoint older, SignedCheckpoint newer) throws SQLException {
        Tracker t = new Tracker(3, EXTENDS);
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
            List<byte[]> proof;
            try {
                // No proof is needed from the empty tree or to the same size; verifyConsistency still checks the
                // roots then (the empty tree's root, equal roots).
                proof = oldHead.size() == 0 || oldHead.size() == newHead.size() ? List.of()
                        : MerkleProofs.consistency(oldHead.size(), newHead.size(), new TileStore(db).nodes(oldHead.log(),
                        ProofRequest.consistency(oldHead.size(), newHead.size())));
            } catch (IllegalStateException missing) {
                // Tiles gone, or the stored log is shorter than a signed checkpoint says: the ledger cannot back
                // its own signature, which is a discrepancy, not an audit that could not run.
                t.fail("log " + oldHead.log() + ": the ledger cannot prove size " + newHead.size() + " extends size "
                        + oldHead.size() + " (" + missing.getMessage() + ")");
                continue;
            }
            proofHashes += proof.size();
            if (MerkleProofs.verifyConsistency(oldHead.size(), newHead.size(), MerkleHash.fromHex(oldHead.root()),
                    MerkleHash.fromHex(newHead.root()), proof)) {
                t.pass();
            } else {
                t.fail("log " + oldHead.log() + ": no consistency from size " + oldHead.size() + " (root " + oldHead.root()
                        + ") to size " + newHead.size() + " (root " + newHead.root() + ")");
            }
        }
        return t.result(t.checked() + " logs, " + proofHashes + " proof hashes from the ledger's tiles");
    }

    private static Check signature(int number, String title, Loaded loaded, TrustedKey trusted) {
        SignedCheckpoint signed = loaded.signed();
        if (signed == null) {
            return new Check(number, title, Status.FAIL, 1, 1, "does not hold", loaded.problem());
        }
        if (trusted.key() == null) {
            return Check.error(number, title, trusted.problem());
        }
        boolean ok = signed.verify(trusted.key());
        String what = "checkpoint #" + signed.checkpoint().sequence() + " issued " + signed.checkpoint().issuedAt();
        return new Check(number, title, ok ? Status.PASS : Status.FAIL, 1, ok ? 0 : 1, what,
                ok ? null : what + ": the signature does not verify (key id " + signed.keyId() + ")");
    }

    /** A checkpoint as given: parsed, or why the document is no valid one (then {@code signed} is null). */
    private record Loaded(String name, SignedCheckpoint signed, String problem) {
    }

    /** The checkpoint a file or a sequence number names; null if the ledger has no such sequence number. */
    private static Loaded load(Connection db, String ref) throws IOException, SQLException {
        Path file = Path.of(ref);
        if (Files.isRegularFile(file)) {
            try {
                SignedCheckpoint signed = ReceiptJson.checkpoint(Files.readString(file));
                return new Loaded("#" + signed.checkpoint().sequence(), signed, null);
            } catch (MalformedDocument e) {
                return new Loaded(file.toString(), null, file + ": " + e.getMessage());
            }
        }
        long sequence;
        try {
            sequence = Long.parseLong(ref);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(ref + " is neither a checkpoint file nor a sequence number");
        }
        SignedCheckpoint signed = new Checkpoints(db).bySequence(sequence);
        return signed == null ? null : new Loaded("#" + sequence, signed, null);
    }
}
