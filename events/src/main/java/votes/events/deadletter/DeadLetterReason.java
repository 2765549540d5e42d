package votes.events.deadletter;

/** Why a record of the log went to {@code votes.dead-letter}; the slug is the header value and the metric tag. */
public enum DeadLetterReason {
    /** Not a VoteSubmitted at all: not JSON, a required field missing or mistyped, no value. */
    UNDECODABLE("undecodable"),
    /** A schemaVersion this ledger does not know: a newer producer. Kept for a ledger that will, never judged here. */
    UNKNOWN_SCHEMA_VERSION("unknown-schema-version"),
    /** Decodes, but holds what PostgreSQL cannot store (see votes.events.vote.Storable). */
    MALFORMED("malformed"),
    /**
     * Passed every check here, yet PostgreSQL refused it with a data error (SQLSTATE class 22 or 54): a limit this
     * contract does not know yet. The ledger found it by writing its batch one record at a time.
     */
    REFUSED_BY_DATABASE("refused-by-database");

    private final String slug;

    DeadLetterReason(String slug) {
        this.slug = slug;
    }

    public String slug() {
        return slug;
    }

    /** A record dead-lettered for this reason is still a verdict on its event id: {@code rejections}, reason malformed. */
    public boolean rejectsItsEvent() {
        return this != UNKNOWN_SCHEMA_VERSION;
    }

    public static DeadLetterReason fromSlug(String slug) {
        for (DeadLetterReason reason : values()) {
            if (reason.slug.equals(slug)) {
                return reason;
            }
        }
        throw new IllegalArgumentException("unknown dead-letter reason: " + slug);
    }
}
