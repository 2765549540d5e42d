package votes.events.vote;

/**
 * What the client looked like when it voted, kept for abuse analysis. The address and user agent are
 * stored only as keyed hashes ({@link ClientHashes}): the log must not become a list of who voted from where.
 */
public record ClientFacts(String deviceId, String addressHash, String userAgentHash) {

    public static final ClientFacts NONE = new ClientFacts(null, null, null);
}
