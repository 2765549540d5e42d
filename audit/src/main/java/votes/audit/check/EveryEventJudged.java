package votes.audit.check;

import static votes.audit.check.Check.count;

import votes.audit.replay.Expected;
import votes.audit.replay.ReplayOutcome;

/** Item 1: every event of the log has its verdict in the ledger, as a {@code votes} or a {@code rejections} row. */
public final class EveryEventJudged implements AuditCheck {

    public static final int NUMBER = 1;
    public static final String TITLE = "every vote in the log is in the ledger (recorded or rejected)";

    @Override
    public Check verdict(Evidence evidence) {
        Tracker missing = new Tracker(NUMBER, TITLE);
        Expected first = null;
        long recorded = 0;
        long rejected = 0;
        for (Expected e : evidence.replay().expected().values()) {
            if (e.recorded()) {
                recorded++;
            } else {
                rejected++;
            }
            if (e.seen() == 0) {
                missing.failAlreadyCounted(null);
                if (first == null || e.partition() < first.partition()
                        || (e.partition() == first.partition() && e.offset() < first.offset())) {
                    first = e;
                }
            }
        }
        ReplayOutcome.Counts c = evidence.replay().counts();
        String summary = count(recorded + rejected) + " events (" + count(recorded) + " recorded, " + count(rejected)
                + " rejected)" + (evidence.scope().poll() == null ? "; whole log " + count(c.events()) + " votes, "
                + count(c.redeliveries()) + " redeliveries, " + count(c.poison()) + " poison" : "");
        String offender = first == null ? null
                : first.where() + ": expected " + first.verdict() + ", found in neither votes nor rejections";
        return new Check(NUMBER, TITLE, missing.failures() == 0 ? Status.PASS : Status.FAIL, recorded + rejected,
                missing.failures(), summary, offender);
    }
}
