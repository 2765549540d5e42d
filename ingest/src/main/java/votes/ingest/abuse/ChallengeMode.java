package votes.ingest.abuse;

/** When the abuse defense asks for proof of work. */
public enum ChallengeMode {
    /** Never (load tests that are not about the defence, an incident where it misfires). */
    OFF,
    /**
     * The default: the bot score decides (votes.ingest.bot): a clean vote goes through without work, a suspect one
     * is challenged with a difficulty that rises with its score and its address's pressure, a near-certain bot is
     * refused, and a likely one that solved is accepted but flagged.
     */
    ADAPTIVE,
    /** Every vote, at the fixed {@code challenge-difficulty}: for an incident, or for tests. */
    ALWAYS
}
