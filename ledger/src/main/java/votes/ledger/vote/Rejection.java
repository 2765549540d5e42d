package votes.ledger.vote;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import votes.events.codec.VoteRecord;
import votes.events.rule.RejectionReason;

/**
 * A {@code rejections} row: a vote the rule refused, or poison with an event id ({@code malformed}, whose fields are
 * null where the record carries nothing storable).
 *
 * @param submittedAt truncated to microseconds, what PostgreSQL keeps, stated rather than left to the driver
 */
public record Rejection(UUID eventId, String pollId, String voterId, String optionId, Instant submittedAt,
                        int partition, long offset, RejectionReason reason) {

    public static Rejection of(LedgerEntry entry, RejectionReason reason) {
        return new Rejection(entry.vote().eventId(), entry.vote().pollId(), entry.vote().voterId(),
                entry.vote().optionId(), entry.vote().submittedAt().truncatedTo(ChronoUnit.MICROS), entry.partition(),
                entry.offset(), reason);
    }

    public static Rejection malformed(PoisonEntry entry) {
        VoteRecord.Poison poison = entry.poison();
        return new Rejection(poison.eventId(), poison.pollId(), poison.voterId(), poison.optionId(),
                poison.submittedAt() == null ? null : poison.submittedAt().truncatedTo(ChronoUnit.MICROS),
                entry.partition(), entry.offset(), RejectionReason.MALFORMED);
    }
}
