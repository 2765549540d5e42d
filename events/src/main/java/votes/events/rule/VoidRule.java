package votes.events.rule;

import java.time.Instant;
import votes.events.poll.Poll;

/**
 * When a {@link votes.events.poll.VotesVoided} counts, in one place for the ledger and the audit's replay: iff its
 * poll exists and {@code voidedAt} is before the poll's effective close ({@link Poll#effectiveCloseAt}: the earlier of
 * {@code closedAt} and {@code closesAt}, no end while neither is set). A void after the close changes no vote: the
 * result is final. Instants compare at microseconds, the precision of the ledger's rows and of the void's leaf.
 */
public final class VoidRule {

    private VoidRule() {
    }

    /** @param poll the poll as its events leave it, or null when no such poll exists */
    public static boolean counts(Poll poll, Instant voidedAt) {
        return poll != null && counts(true, poll.effectiveCloseAt(), voidedAt);
    }

    /**
     * The same rule on what the ledger reads from its {@code polls} row ({@code LEAST(closed_at, closes_at)}).
     *
     * @param effectiveClose the poll's effective close, null while it has no end
     */
    public static boolean counts(boolean pollExists, Instant effectiveClose, Instant voidedAt) {
        return pollExists && (effectiveClose == null || voidedAt.isBefore(effectiveClose));
    }
}
