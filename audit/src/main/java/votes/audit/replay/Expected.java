package votes.audit.replay;

import java.time.Instant;
import java.util.UUID;
import votes.events.rule.RejectionReason;

/**
 * What the ledger must hold for one event, as the replay decided it. A class, not a record: the comparison marks
 * which table it met the event in ({@link #seenAs}), so one map serves every check without a second copy.
 */
public final class Expected {

    public static final int SEEN_RECORDED = 1;
    public static final int SEEN_REJECTED = 2;

    private final UUID eventId;
    private final String pollId;
    private final String voterId;
    private final String optionId;
    private final Instant submittedAt;
    private final int partition;
    private final long offset;
    private final RejectionReason reason;
    private final long leafIndex;
    private int seen;
    private ExpectedVoid voidedBy;

    /**
     * @param submittedAt already truncated to microseconds, as PostgreSQL stores it
     * @param reason null when the rule records the vote
     * @param leafIndex the vote's index in its partition's Merkle log, -1 for a rejection or a pre-Merkle record
     */
    public Expected(UUID eventId, String pollId, String voterId, String optionId, Instant submittedAt, int partition,
                    long offset, RejectionReason reason, long leafIndex) {
        this.eventId = eventId;
        this.pollId = pollId;
        this.voterId = voterId;
        this.optionId = optionId;
        this.submittedAt = submittedAt;
        this.partition = partition;
        this.offset = offset;
        this.reason = reason;
        this.leafIndex = leafIndex;
    }

    public UUID eventId() {
        return eventId;
    }

    public String pollId() {
        return pollId;
    }

    public String voterId() {
        return voterId;
    }

    public String optionId() {
        return optionId;
    }

    public Instant submittedAt() {
        return submittedAt;
    }

    public int partition() {
        return partition;
    }

    public long offset() {
        return offset;
    }

    public boolean recorded() {
        return reason == null;
    }

    public RejectionReason reason() {
        return reason;
    }

    public long leafIndex() {
        return leafIndex;
    }

    /** The void that voided this recorded vote, or null while it counts. */
    public ExpectedVoid voidedBy() {
        return voidedBy;
    }

    void voidedBy(ExpectedVoid v) {
        voidedBy = v;
    }

    public int seen() {
        return seen;
    }

    public void markSeen(int as) {
        seen |= as;
    }

    /** "event …, poll p, partition 3@1234": enough to find the event in the log and the row in the ledger. */
    public String where() {
        return "event " + eventId + ", poll " + pollId + ", votes.submitted " + partition + "@" + offset;
    }

    public String verdict() {
        return reason == null ? "recorded (option " + optionId + ")" : "rejected (" + reason.slug() + ")";
    }
}
