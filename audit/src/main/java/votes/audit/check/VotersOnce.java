package votes.audit.check;

import static votes.audit.check.Check.count;

import votes.audit.ledger.DuplicateVoters;

/** Item 7: {@code UNIQUE (poll_id, voter_id)} still holds (a dropped constraint would let a voter vote twice). */
public final class VotersOnce implements AuditCheck {

    public static final int NUMBER = 7;
    public static final String TITLE = "no voter recorded twice in a poll";

    @Override
    public Check verdict(Evidence evidence) {
        long votes = evidence.rows().votes();
        DuplicateVoters duplicates = evidence.ledger().duplicates();
        if (duplicates.pairs() == 0) {
            return new Check(NUMBER, TITLE, Status.PASS, votes, 0, count(votes)
                    + " recorded votes, every (poll, voter) once", null);
        }
        return new Check(NUMBER, TITLE, Status.FAIL, votes, duplicates.pairs(),
                count(duplicates.pairs()) + " (poll, voter) pairs recorded more than once", duplicates.first());
    }
}
