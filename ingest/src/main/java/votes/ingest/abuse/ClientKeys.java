package votes.ingest.abuse;

/**
 * A vote's client facts as keyed hashes, made once per vote: the limits, the bot history and the log all key on
 * them, and an HMAC per use would hash the same address and user agent two or three times on the hot path.
 *
 * @param addressHash the address's keyed hash, or null when the gateway forwarded none
 * @param userAgentHash the user agent's keyed hash, or null when the client sent none
 */
public record ClientKeys(String addressHash, String userAgentHash) {
}
