package votes.audit.check;

import static votes.audit.check.Check.count;

import votes.audit.replay.ReplayOutcome;

/** Item 12: one voter's votes share a partition, so the verdicts do not depend on how partitions interleave. */
public final class KeyedByPollAndVoter implements AuditCheck {

    public static final int NUMBER = 12;
    public static final String TITLE = "every vote is keyed by (poll, voter)";

    @Override
    public Check verdict(Evidence evidence) {
        ReplayOutcome.Keys keys = evidence.replay().keys();
        return new Check(NUMBER, TITLE, keys.wrong() == 0 ? Status.PASS : Status.FAIL, keys.checked(), keys.wrong(),
                count(keys.checked()) + " records' keys = poll + voter (one voter's votes share a partition, so the"
                        + " verdicts do not depend on how partitions interleave)", keys.first());
    }
}
