package votes.ledger.vote;

import java.time.Instant;

/**
 * Which attempt at a batch this is.
 *
 * @param afterFailure an earlier attempt failed (for any reason): look harder (see VoteBatchWriter)
 * @param firstAt when the first attempt started: bounds how long an unknown poll is waited for
 */
public record BatchAttempt(boolean afterFailure, Instant firstAt) {
}
