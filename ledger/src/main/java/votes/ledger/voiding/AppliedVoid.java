package votes.ledger.voiding;

import java.util.UUID;

/**
 * What applying one {@code VotesVoided} did.
 *
 * @param redelivered its {@code vote_voids} row was there already: nothing changed
 * @param counted its {@code voidedAt} was before the poll's effective close
 * @param voided how many votes it voided (0 unless counted)
 * @param logId the void log its leaf went to
 * @param leafIndex the leaf's index there (the stored one, for a redelivery)
 */
public record AppliedVoid(UUID eventId, boolean redelivered, boolean counted, int voided, int logId,
                          long leafIndex) {
}
