package votes.perf.swarm;

/**
 * One vote the swarm will cast: who (a voter of a strategy), from where (source address, device id, client profile),
 * when (milliseconds after the phase starts), with a token issued when (also relative to the phase start: a
 * person's minutes before, a bulk farm's all in one second), and how far it goes when challenged.
 *
 * @param deviceId        the X-Device-Id it sends, or null (a client that sends none)
 * @param giveUpAboveBits a challenge harder than this is left unsolved; {@link #NEVER_GIVES_UP} for none
 * @param browserSolver   true: a person's browser solves (its time is modelled from the measured Java time)
 */
public record PlannedVote(int index, Strategy strategy, String voter, String address, String deviceId,
                          ClientProfile client, long dueMillis, long issuedAtMillis, String optionId,
                          int giveUpAboveBits, boolean browserSolver) {

    public static final int NEVER_GIVES_UP = Integer.MAX_VALUE;

    /** How old its token is when the vote is due, as planned (the CSV records the age actually seen). */
    public long plannedTokenAgeMillis() {
        return dueMillis - issuedAtMillis;
    }
}
