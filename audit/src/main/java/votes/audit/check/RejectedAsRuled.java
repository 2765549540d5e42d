package votes.audit.check;

import static votes.audit.check.Check.count;

import votes.audit.ledger.RejectionRow;
import votes.audit.replay.Expected;

/** Item 3: every {@code rejections} row is a rejection the rule makes, with the rule's reason. */
public final class RejectedAsRuled implements AuditCheck {

    public static final int NUMBER = 3;
    public static final String TITLE = "every rejection is the rule's, with the rule's reason";

    private final Tracker tracker = new Tracker(NUMBER, TITLE);

    @Override
    public void rejection(RejectionRow row, Expected e) {
        if (e == null) {
            return; // item 4's
        }
        if (e.recorded()) {
            tracker.fail(e.where() + ": the rule records it (option " + e.optionId() + "), found rejected ("
                    + row.reason() + ")");
            return;
        }
        String diff = RowDifferences.of(e, row.pollId(), row.voterId(), row.optionId(), row.submittedAt(),
                row.partition(), row.offset());
        if (!e.reason().slug().equals(row.reason())) {
            diff = (diff.isEmpty() ? "" : diff + "; ") + "reason expected " + e.reason().slug() + ", found " + row.reason();
        }
        tracker.compare(e.where(), diff);
    }

    @Override
    public Check verdict(Evidence evidence) {
        return tracker.result(count(tracker.checked()) + " rejections compared");
    }
}
