package votes.audit.check;

import static votes.audit.check.Check.count;

import votes.audit.ledger.RejectionRow;
import votes.audit.ledger.VoteRow;
import votes.audit.replay.Expected;

/** Item 4: no ledger row without its event in the log (a row inserted by hand, or an event removed). */
public final class NoOrphanRows implements AuditCheck {

    public static final int NUMBER = 4;
    public static final String TITLE = "every ledger row comes from an event in the log";

    private final Tracker tracker = new Tracker(NUMBER, TITLE);

    @Override
    public void vote(VoteRow row, Expected e) {
        if (e != null) {
            tracker.pass();
            return;
        }
        tracker.fail("votes row " + row.eventId() + " (poll " + row.pollId() + ", voter " + row.voterId()
                + ", option " + row.optionId() + ", votes.submitted " + row.partition() + "@" + row.offset()
                + "): no such event in votes.submitted");
    }

    @Override
    public void rejection(RejectionRow row, Expected e) {
        if (e != null) {
            tracker.pass();
            return;
        }
        tracker.fail("rejections row " + row.eventId() + " (poll " + row.pollId() + ", reason " + row.reason()
                + ", votes.submitted " + row.partition() + "@" + row.offset() + "): no such event in votes.submitted");
    }

    @Override
    public Check verdict(Evidence evidence) {
        LedgerRows rows = evidence.rows();
        return tracker.result(count(rows.votes() + rows.rejections()) + " rows (" + count(rows.votes()) + " votes, "
                + count(rows.rejections()) + " rejections)" + (rows.beyondReplay() > 0
                ? "; " + count(rows.beyondReplay()) + " rows past the replay's end offsets not judged" : ""));
    }
}
