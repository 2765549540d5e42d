package votes.ingest.vote;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import votes.events.key.VoterIds;

/** One keyed HMAC for the whole service: every instance must map a subject to the same voter id. */
public class VoterIdsProducer {

    @Produces
    @ApplicationScoped
    VoterIds voterIds(@ConfigProperty(name = "vote.voter-id-key") String key,
                      @ConfigProperty(name = "vote.voter-id-key-id") Optional<String> keyId) {
        return new VoterIds(key, keyId.orElse(null));
    }
}
