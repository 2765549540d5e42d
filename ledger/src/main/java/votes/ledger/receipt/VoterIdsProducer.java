package votes.ledger.receipt;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import votes.events.key.VoterIds;

/** The same keyed pseudonyms ingest writes into the log, so a token's subject finds its own receipts. */
public class VoterIdsProducer {

    @Produces
    @ApplicationScoped
    VoterIds voterIds(@ConfigProperty(name = "ledger.voter-id-key") String key) {
        return new VoterIds(key);
    }
}
