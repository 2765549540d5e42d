package votes.ingest.bot;

/** What the bot score decides for one vote. */
public sealed interface Decision {

    /** Go on; {@code flagged}: accept, but report it on votes.flags once it is on the log (the voter is not told). */
    record Allow(boolean flagged) implements Decision {
    }

    /** Solve a proof of work of this many bits first. */
    record Challenge(int difficulty) implements Decision {
    }

    /** Near-certain automation: 429, whatever the proof. */
    record Refuse() implements Decision {
    }
}
