package votes.audit.check;

import static votes.audit.check.Check.count;

import votes.audit.ledger.RejectionRow;
import votes.audit.replay.Expected;

/** Item 5: no event has two verdicts. Vote rows stream first, so a rejection row finds its event marked recorded. */
public final class NeverBothVerdicts implements AuditCheck {

    public static final int NUMBER = 5;
    public static final String TITLE = "no event is both recorded and rejected";

    private final Tracker tracker = new Tracker(NUMBER, TITLE);

    @Override
    public void rejection(RejectionRow row, Expected e) {
        if (e != null && (e.seen() & Expected.SEEN_RECORDED) != 0) {
            tracker.fail(e.where() + ": in votes and in rejections (" + row.reason() + ")");
        }
    }

    @Override
    public Check verdict(Evidence evidence) {
        return tracker.result(count(evidence.rows().votes() + evidence.rows().rejections()) + " rows");
    }
}
