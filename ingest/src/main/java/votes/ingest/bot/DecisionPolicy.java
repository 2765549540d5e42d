package votes.ingest.bot;

/**
 * Score → decision. Below {@code challenge} a vote goes through without work (a clean first vote must not be slowed);
 * from {@code refuse} it is refused whatever it proves; in between it must bring a valid proof of a difficulty that
 * rises with the score and with its address's pressure (its count against its limit), from {@code floorBits} to
 * {@code maxBits}, and from {@code flag} on it is accepted but flagged. A proof counts when its challenge was at most
 * {@code slackBits} easier than the vote now needs: the solved retry's own arrival adds a little pressure, and a
 * person must not be sent round again for it, while a challenge fetched when the address was cold does not pay for
 * one that is hot. Pure.
 */
public record DecisionPolicy(double challenge, double flag, double refuse, int floorBits, int maxBits, int slackBits) {

    public DecisionPolicy {
        if (!(0 < challenge && challenge <= flag && flag < refuse && refuse <= 1)) {
            throw new IllegalArgumentException("bot thresholds must be 0 < challenge (" + challenge + ") <= flag ("
                    + flag + ") < refuse (" + refuse + ") <= 1");
        }
        if (floorBits < 1 || floorBits > maxBits || maxBits > 32 || slackBits < 0) {
            throw new IllegalArgumentException("challenge difficulty must be 1 <= floor (" + floorBits + ") <= max ("
                    + maxBits + ") <= 32 bits, slack (" + slackBits + ") >= 0");
        }
    }

    /**
     * @param pressure       the address's count against its limit, in [0, 1]
     * @param solvedBits     the difficulty of the vote's valid proof, or -1 without one
     */
    public Decision decide(double score, double pressure, int solvedBits) {
        if (score >= refuse) {
            return new Decision.Refuse();
        }
        if (score < challenge) {
            return new Decision.Allow(false);
        }
        int needed = difficulty(score, pressure);
        if (solvedBits >= 0 && solvedBits >= needed - slackBits) {
            return new Decision.Allow(score >= flag);
        }
        return new Decision.Challenge(needed);
    }

    /** From the floor at the challenge threshold (and no pressure) to the max at the refuse threshold (or at the limit). */
    public int difficulty(double score, double pressure) {
        double byScore = (score - challenge) / (refuse - challenge);
        double t = Math.max(0, Math.min(1, Math.max(byScore, pressure)));
        return floorBits + (int) Math.round((maxBits - floorBits) * t);
    }
}
