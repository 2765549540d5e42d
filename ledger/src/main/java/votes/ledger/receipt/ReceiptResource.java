package votes.ledger.receipt;

import votes.proofs.receipt.ReceiptView;
import votes.proofs.merkle.ReceiptChain;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import votes.events.key.VoterIds;
import votes.kit.problem.ProblemException;
import votes.kit.problem.ProblemType;

/**
 * {@code GET /api/v1/receipts/{receiptId}}: the ledger's verdict if it has one, else ingest's "accepted" from
 * Redis, else 404. Someone else's receipt is a 404 too, so receipt ids cannot be probed. A recorded vote comes with
 * its Merkle leaf and the inclusion proof against the latest checkpoint that covers it.
 */
@Path("/api/v1/receipts")
@Produces(MediaType.APPLICATION_JSON)
public class ReceiptResource {

    private static final Set<String> SEE_ALL = Set.of("admin", "auditor");

    private final LedgerReceipts ledger;
    private final AcceptedReceipts accepted;
    private final ReceiptChains chains;
    private final VoterIds voterIds;
    private final JsonWebToken token;

    ReceiptResource(LedgerReceipts ledger, AcceptedReceipts accepted, ReceiptChains chains, VoterIds voterIds,
                    JsonWebToken token) {
        this.ledger = ledger;
        this.accepted = accepted;
        this.chains = chains;
        this.voterIds = voterIds;
        this.token = token;
    }

    @GET
    @Authenticated
    @Path("{receiptId}")
    public Uni<ReceiptView> get(@PathParam("receiptId") String receiptId) {
        UUID id = parse(receiptId);
        boolean seesAll = token.getGroups() != null && token.getGroups().stream().anyMatch(SEE_ALL::contains);
        String subject = token.getSubject();
        String caller = subject == null || subject.isEmpty() ? null : voterIds.of(subject);
        return ledger.find(id)
                .flatMap(decided -> decided != null ? Uni.createFrom().item(decided) : accepted.find(id))
                .map(receipt -> {
                    if (receipt == null || !(seesAll || receipt.voterId() != null && receipt.voterId().equals(caller))) {
                        throw notFound(receiptId);
                    }
                    return receipt;
                })
                // The proof only once the caller may see the receipt: a probe costs no tile read.
                .flatMap(receipt -> receipt.leaf() == null
                        ? Uni.createFrom().item(receipt.view())
                        : chains.prove(receipt.leaf(), receipt.leafIndex()).map(receipt::view));
    }

    private static UUID parse(String receiptId) {
        try {
            return UUID.fromString(receiptId);
        } catch (IllegalArgumentException e) {
            throw notFound(receiptId);
        }
    }

    private static ProblemException notFound(String receiptId) {
        return new ProblemException(ProblemType.RECEIPT_NOT_FOUND, "no receipt " + receiptId + " for this caller");
    }
}
