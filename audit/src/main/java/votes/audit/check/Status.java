package votes.audit.check;

/** The outcome of one checklist item. */
public enum Status {
    /** Checked and it holds. */
    PASS("✓"),
    /** Checked and it does not hold: a discrepancy (exit 1). */
    FAIL("✗"),
    /** Nothing to check here (no such table or topic yet): says why, changes no exit code. */
    SKIP("–"),
    /** Could not be checked (a missing key, an unreadable source): the audit is incomplete (exit 2). */
    ERROR("!");

    private final String mark;

    Status(String mark) {
        this.mark = mark;
    }

    public String mark() {
        return mark;
    }
}
