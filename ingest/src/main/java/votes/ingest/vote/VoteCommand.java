package votes.ingest.vote;

/**
 * A vote as the submission path sees it: who (pseudonymous voter id, from the token), where, what, and the
 * client facts kept for abuse analysis. {@code address} and {@code userAgent} are raw here and hashed before
 * they reach Redis or the log. {@code voterKeyId} names the pseudonym key that made {@code voterId}.
 */
public record VoteCommand(String pollId, String voterId, String voterKeyId, String optionId, String idempotencyKey,
                          String deviceId, String address, String userAgent, String proof) {
}
