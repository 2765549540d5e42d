package votes.events.rule;

/** Why the ledger refused a submitted vote; the slug is what receipts and the API show. */
public enum RejectionReason {
    DUPLICATE("duplicate"),
    POLL_NOT_OPEN("poll-not-open"),
    POLL_NOT_FOUND("poll-not-found"),
    UNKNOWN_OPTION("unknown-option"),
    /** The record carries an event id but is no vote the ledger can judge or store (see VoteRecords). */
    MALFORMED("malformed");

    private final String slug;

    RejectionReason(String slug) {
        this.slug = slug;
    }

    public String slug() {
        return slug;
    }

    public static RejectionReason fromSlug(String slug) {
        for (RejectionReason reason : values()) {
            if (reason.slug.equals(slug)) {
                return reason;
            }
        }
        throw new IllegalArgumentException("unknown rejection reason: " + slug);
    }
}
