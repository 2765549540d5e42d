package votes.ingest.abuse;

/** When the abuse defense asks for proof of work. */
public enum ChallengeMode {
    /** Never: the default, so load tests and honest clients are never slowed. */
    OFF,
    /** Once an address has voted more often than the soft threshold in the current window. */
    THRESHOLD,
    /** Every vote: for an incident, or for tests. */
    ALWAYS
}
