package votes.ingest.vote;

import java.time.Instant;
import java.util.List;

/**
 * A vote as the submission path sees it: who (pseudonymous voter id, from the token), where, what, and the
 * client facts kept for abuse analysis. {@code address} and {@code userAgent} are raw here and hashed before
 * they reach Redis or the log. {@code voterKeyId} names the pseudonym key that made {@code voterId}. The bot score
 * also reads {@code acceptLanguage}, {@code clientHints} (Sec-CH-UA), the token's {@code tokenIssuedAt} and the
 * proof of work's {@code proofNonce} (each null when absent). {@code revocationKeys}: the token's deny-list keys
 * (empty for a token without sid and jti).
 */
public record VoteCommand(String pollId, String voterId, String voterKeyId, String optionId, String idempotencyKey,
                          String deviceId, String address, String userAgent, String proof, String proofNonce,
                          String acceptLanguage, String clientHints, Instant tokenIssuedAt,
                          List<String> revocationKeys) {

    public VoteCommand {
        revocationKeys = List.copyOf(revocationKeys);
    }
}
