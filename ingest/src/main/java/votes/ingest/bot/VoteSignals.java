package votes.ingest.bot;

import java.time.Instant;

/**
 * One vote as the bot score sees it. {@code address}, {@code deviceId} and {@code userAgent} are raw here and only
 * ever leave as keyed hashes; the counts are the rate-limit logs' (this vote included, 0 when that limit is off).
 *
 * @param acceptLanguage  the Accept-Language header, or null
 * @param clientHints     the Sec-CH-UA header, or null
 * @param tokenIssuedAt   the voter token's {@code iat}, or null
 * @param nonce           the X-Vote-Nonce header (the challenge the proof answers), or null
 * @param proof           the X-Vote-Proof header, or null
 */
public record VoteSignals(String voterId, String pollId, String address, String deviceId, String userAgent,
                          String acceptLanguage, String clientHints, Instant tokenIssuedAt, String nonce, String proof,
                          Instant now, long addressCount, long prefixCount, long deviceCount, History history) {
}
