package votes.audit.cli;

import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import votes.audit.check.Checklist;
import votes.audit.check.ReportText;
import votes.audit.ledger.Checkpoints;
import votes.audit.ledger.TileStore;
import votes.audit.receipt.MalformedDocument;
import votes.audit.receipt.ReceiptJson;
import votes.audit.receipt.ReceiptVerifier;
import votes.proofs.checkpoint.SignedCheckpoint;
import votes.proofs.merkle.LedgerLeaf;
import votes.proofs.merkle.ReceiptChain;
import votes.proofs.receipt.ReceiptView;
import votes.proofs.merkle.MerkleHash;
import votes.proofs.merkle.MerkleProofs;
import votes.proofs.merkle.ProofRequest;

@Command(name = "verify-receipt", mixinStandardHelpOptions = true,
        description = "Proves a recorded vote is in the ledger's Merkle log: the entry hashes to the leaf, the " +
                "inclusion proof leads to the root of a checkpoint signed by the trusted key. Offline with a " +
                "receipt file (as GET /api/v1/receipts/{id} answered it); with a receipt id it fetches the " +
                "receipt from the API when a token is given (--token / AUDIT_TOKEN), else builds it from " +
                "PostgreSQL (row, checkpoint, proof from the stored tiles).")
public final class VerifyReceiptCommand implements Callable<Integer> {

    private static final int HTTP_OK = 200;
    private static final int HTTP_NOT_FOUND = 404;

    @Parameters(paramLabel = "RECEIPT", description = "A receipt JSON file, or a receipt id.")
    String receipt;

    @Mixin
    Connections connections;

    @Option(names = "--url", paramLabel = "URL",
            description = "Where receipts are served (env LEDGER_URL, else VOTE_URL, default http://localhost:8080).")
    String url;

    @Option(names = "--token", paramLabel = "JWT", description = "Bearer token of the voter, an admin or an auditor (env AUDIT_TOKEN).")
    String token;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String json;
        String source;
        ReceiptView parsed = null;
        Path file = Path.of(receipt);
        if (Files.isRegularFile(file)) {
            json = Files.readString(file);
            source = "file " + file;
        } else {
            UUID id;
            try {
                id = UUID.fromString(receipt);
            } catch (IllegalArgumentException e) {
                err.println("audit: " + receipt + " is neither a file nor a receipt id");
                return Checklist.COULD_NOT_RUN;
            }
            String bearer = token != null ? token : Connections.env.get("AUDIT_TOKEN");
            if (bearer != null && !bearer.isBlank()) {
                String base = url != null ? url : Connections.env.getOrDefault("LEDGER_URL",
                        Connections.env.getOrDefault("VOTE_URL", "http://localhost:8080"));
                source = base + "/api/v1/receipts/" + id;
                try {
                    json = fromApi(source, id, bearer);
                } catch (CouldNotRun e) {
                    err.println("audit: " + e.getMessage());
                    return Checklist.COULD_NOT_RUN;
                }
            } else {
                json = null;
                source = "the ledger's PostgreSQL (" + connections.jdbc().url() + ")";
                try (Connection db = connections.jdbc().connect()) {
                    parsed = fromLedger(db, id);
                }
                if (parsed == null) {
                    out.println("receipt " + id + ": no vote and no rejection with this id in the ledger");
                    return Checklist.DISCREPANCY;
                }
            }
        }
        return verify(parsed, json, source, out);
    }

    /** @param parsed the receipt rebuilt from the ledger, or null to parse it from {@code json} */
    private int verify(ReceiptView parsed, String json, String source, PrintWriter out) {
        Checklist checklist;
        try {
            if (parsed == null) {
                parsed = ReceiptJson.receipt(json);
            }
            TrustedKey trusted = TrustedKey.load(connections.publicKey());
            checklist = ReceiptVerifier.verify(parsed, trusted.key(), trusted.problem());
        } catch (MalformedDocument e) {
            checklist = ReceiptVerifier.malformed(e);
        }
        String id = parsed != null && parsed.receiptId() != null ? parsed.receiptId() + " " : "";
        out.print(ReportText.render("verify-receipt " + id + "from " + source, checklist));
        out.flush();
        return checklist.exitCode();
    }

    /** The receipt's JSON as the API serves it to the token's holder. */
    private String fromApi(String source, UUID id, String bearer) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(source))
                .timeout(connections.timeout()).header("Authorization", "Bearer " + bearer).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == HTTP_NOT_FOUND) {
            // The API answers 404 for an unknown receipt and for someone else's alike: with a wrong token the vote
            // may well exist, so nothing was checked.
            throw new CouldNotRun("could not check receipt " + id + ": " + source + " answered 404 (unknown, or not"
                    + " the token's: check --token / AUDIT_TOKEN)");
        }
        if (response.statusCode() != HTTP_OK) {
            throw new CouldNotRun(source + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    /** The receipt the ledger's API would serve, rebuilt from its tables: row, latest covering checkpoint, tiles. */
    static ReceiptView fromLedger(Connection db, UUID id) throws Exception {
        try (PreparedStatement q = db.prepareStatement("SELECT poll_id, voter_id, option_id, submitted_at, kafka_partition,"
                + " kafka_offset, leaf_index FROM votes WHERE event_id = ?")) {
            q.setObject(1, id);
            try (ResultSet rs = q.executeQuery()) {
                if (!rs.next()) {
                    return rejected(db, id);
                }
                LedgerLeaf entry = new LedgerLeaf(id, rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getObject(4, OffsetDateTime.class).toInstant(), rs.getInt(5), rs.getLong(6));
                long leafIndex = rs.getLong(7);
                if (rs.wasNull()) {
                    return recorded(id, entry, null);
                }
                SignedCheckpoint checkpoint = new Checkpoints(db).latestCovering(entry.partition(), leafIndex);
                if (checkpoint == null) {
                    return recorded(id, entry, null);
                }
                long treeSize = checkpoint.checkpoint().log(entry.partition()).size();
                List<String> hashes = new ArrayList<>();
                MerkleProofs.inclusion(leafIndex, treeSize, new TileStore(db).nodes(entry.partition(),
                        ProofRequest.inclusion(leafIndex, treeSize))).forEach(h -> hashes.add(MerkleHash.hex(h)));
                return recorded(id, entry, new ReceiptChain(entry.partition(), leafIndex, treeSize,
                        MerkleHash.hex(entry.hash()), hashes, checkpoint));
            }
        }
    }

    /** Only what a proof needs: the entry, and the chain once a checkpoint covers it. */
    private static ReceiptView recorded(UUID id, LedgerLeaf entry, ReceiptChain chain) {
        return new ReceiptView(id, entry.pollId(), entry.optionId(), "recorded", null, null, null, entry,
                Optional.ofNullable(chain));
    }

    private static ReceiptView rejected(Connection db, UUID id) throws Exception {
        try (PreparedStatement q = db.prepareStatement("SELECT reason FROM rejections WHERE event_id = ?")) {
            q.setObject(1, id);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? new ReceiptView(id, null, null, "rejected", rs.getString(1), null, null, null,
                        null) : null;
            }
        }
    }
}
