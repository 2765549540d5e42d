package votes.audit.check;

/**
 * Counts what one checklist item looked at and remembers the first failure only: a tampered ledger may differ in
 * a million rows, and the operator needs the first one to start from, not a million lines.
 */
public final class Tracker {

    private final int number;
    private final String title;
    private long checked;
    private long failures;
    private String first;

    public Tracker(int number, String title) {
        this.number = number;
        this.title = title;
    }

    public void pass() {
        checked++;
    }

    public void fail(String offender) {
        checked++;
        failures++;
        if (first == null) {
            first = offender;
        }
    }

    /** One thing compared: it holds when {@code differences} is empty, else "{@code where}: {@code differences}". */
    public void compare(String where, String differences) {
        if (differences.isEmpty()) {
            pass();
        } else {
            fail(where + ": " + differences);
        }
    }

    /** Counts a failure that another place in the same item already looked at (checked once, failed once). */
    public void failAlreadyCounted(String offender) {
        failures++;
        if (first == null) {
            first = offender;
        }
    }

    public long checked() {
        return checked;
    }

    public long failures() {
        return failures;
    }

    public Check result(String summary) {
        return new Check(number, title, failures == 0 ? Status.PASS : Status.FAIL, checked, failures, summary, first);
    }
}
