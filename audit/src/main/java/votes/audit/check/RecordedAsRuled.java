package votes.audit.check;

import static votes.audit.check.Check.count;

import votes.audit.ledger.VoteRow;
import votes.audit.replay.Expected;

/** Item 2: every {@code votes} row is the vote the rule records, column by column. */
public final class RecordedAsRuled implements AuditCheck {

    public static final int NUMBER = 2;
    public static final String TITLE =
            "every recorded vote is the one the rule records (poll, voter, option, time, position)";

    private final Tracker tracker = new Tracker(NUMBER, TITLE);

    @Override
    public void vote(VoteRow row, Expected e) {
        if (e == null) {
            return; // item 4's
        }
        if (!e.recorded()) {
            tracker.fail(e.where() + ": the rule rejects it (" + e.reason().slug() + "), found recorded (option "
                    + row.optionId() + ")");
            return;
        }
        String diff = RowDifferences.of(e, row.pollId(), row.voterId(), row.optionId(), row.submittedAt(),
                row.partition(), row.offset());
        tracker.compare(e.where(), diff);
    }

    @Override
    public Check verdict(Evidence evidence) {
        return tracker.result(count(tracker.checked()) + " recorded votes compared");
    }
}
