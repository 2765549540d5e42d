package votes.kit.identity;

import java.time.Duration;

/**
 * How an issuer's JWKS is kept (votes.identity.jwks.* in service-kit's microprofile-config.properties, each with what
 * it trades).
 *
 * @param refreshInterval how often the set is fetched in the background
 * @param unknownKidGap   the least time between two fetches caused by a kid the set lacks
 * @param unknownKidWait  the longest a request waits for such a fetch
 * @param fetchTimeout    the longest one download may take
 */
public record JwksSettings(Duration refreshInterval, Duration unknownKidGap, Duration unknownKidWait,
                           Duration fetchTimeout) {
}
