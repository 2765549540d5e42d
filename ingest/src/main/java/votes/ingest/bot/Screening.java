package votes.ingest.bot;

import java.time.Duration;
import java.util.List;
import votes.events.flag.FlagSubject;
import votes.ingest.abuse.Challenge;

/** The bot defence's answer for one vote, ready for the vote path to act on. */
public sealed interface Screening {

    /** Go on to the poll checks and the log; {@code flag} (or null) is to be published once the log acked the vote. */
    record Pass(PendingFlag flag) implements Screening {
    }

    /** 403 challenge-required with this challenge; {@code proofWasWrong}: a proof came but did not count. */
    record Challenged(Challenge challenge, boolean proofWasWrong) implements Screening {
    }

    /** 429 bot-score. */
    record Refused(List<String> reasons, Duration retryAfter) implements Screening {
    }

    /** A flag waiting for its vote's ack: whom it points at (a keyed hash or the voter id), the score and why. */
    record PendingFlag(FlagSubject subject, String subjectKey, double score, List<String> reasons) {
    }

    Pass CLEAN = new Pass(null);
}
