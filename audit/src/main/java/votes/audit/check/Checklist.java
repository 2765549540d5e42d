package votes.audit.check;

import java.util.List;

/** The numbered checks of one run, and what they mean for the exit code. */
public record Checklist(List<Check> checks) {

    public static final int ALL_HOLD = 0;
    public static final int DISCREPANCY = 1;
    public static final int COULD_NOT_RUN = 2;

    public Checklist {
        checks = List.copyOf(checks);
    }

    /** 1 as soon as anything differs (a discrepancy outranks an incomplete audit), 2 if something could not be checked. */
    public int exitCode() {
        if (checks.stream().anyMatch(c -> c.status() == Status.FAIL)) {
            return DISCREPANCY;
        }
        if (checks.stream().anyMatch(c -> c.status() == Status.ERROR)) {
            return COULD_NOT_RUN;
        }
        return ALL_HOLD;
    }

    public long count(Status status) {
        return checks.stream().filter(c -> c.status() == status).count();
    }
}
