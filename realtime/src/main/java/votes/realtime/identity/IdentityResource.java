package votes.realtime.identity;

import io.smallrye.common.annotation.NonBlocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@code GET /identity.json}: where the pages sign people in (the OpenID Connect issuer) and as which public client,
 * so the pages carry no stack-specific address. A page path, not {@code /api}: the gateway routes {@code /api} to
 * the ledger and everything else here. No issuer configured: the pages fall back to a pasted dev token.
 */
@Path("/identity.json")
public class IdentityResource {

    /** What the pages read; {@code issuer} is null when none is configured. */
    public record Identity(String issuer, String votePageClient, String adminPageClient) {
    }

    private final Identity identity;

    IdentityResource(@ConfigProperty(name = "vote.identity.issuer") Optional<String> issuer,
                     @ConfigProperty(name = "vote.identity.vote-page-client") String votePageClient,
                     @ConfigProperty(name = "vote.identity.admin-page-client") String adminPageClient) {
        this.identity = new Identity(issuer.filter(s -> !s.isBlank()).orElse(null), votePageClient, adminPageClient);
    }

    @GET
    @NonBlocking // a constant
    @Produces(MediaType.APPLICATION_JSON)
    public Identity identity() {
        return identity;
    }
}
