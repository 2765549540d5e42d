package votes.projections.tally;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import votes.events.cdc.DeltaRow;
import votes.events.cdc.PollRow;
import votes.events.poll.PollOption;
import votes.events.tally.Tally;
import votes.events.tally.TallyOption;

/**
 * The tally rule as pure functions: a tally and one ledger row give the next tally. Every change bumps the
 * version by one; a row that changes nothing returns the same tally (no version, nothing published).
 * Deduplication of deltas is not here: {@link AppliedDeltas} decides whether a delta is applied at all.
 */
public final class TallyFold {

    private TallyFold() {
    }

    /** Adds the delta's votes; an option not seen yet (poll row still unknown) is appended without label. */
    public static Tally apply(Tally current, DeltaRow delta, Instant at) {
        Tally base = current != null ? current : Tally.none(delta.pollId());
        List<TallyOption> options = new ArrayList<>(base.options().size() + 1);
        boolean found = false;
        for (TallyOption option : base.options()) {
            if (option.optionId().equals(delta.optionId())) {
                options.add(new TallyOption(option.optionId(), option.label(), option.votes() + delta.voteCount()));
                found = true;
            } else {
                options.add(option);
            }
        }
        if (!found) {
            options.add(new TallyOption(delta.optionId(), null, delta.voteCount()));
        }
        return new Tally(base.pollId(), base.title(), options, base.totalVotes() + delta.voteCount(),
                base.version() + 1, later(base.asOf(), at), base.closed());
    }

    /**
     * Takes title, labels and option order from the poll row (options without votes show 0). Counts for
     * options the row does not list are kept, after the poll's own: a tally never loses votes. Once
     * closed, a tally stays closed (a replayed older row cannot reopen it).
     */
    public static Tally apply(Tally current, PollRow poll, Instant at) {
        Tally base = current != null ? current : Tally.none(poll.pollId());
        List<TallyOption> options = new ArrayList<>(poll.options().size());
        Set<String> listed = new HashSet<>();
        for (PollOption option : poll.options()) {
            if (listed.add(option.id())) {
                options.add(new TallyOption(option.id(), option.label(), base.votesFor(option.id())));
            }
        }
        for (TallyOption counted : base.options()) {
            if (!listed.contains(counted.optionId())) {
                options.add(counted);
            }
        }
        Tally next = new Tally(base.pollId(), poll.title(), options, base.totalVotes(), base.version(),
                base.asOf(), base.closed() || poll.closedAt(at));
        if (next.sameContent(current)) {
            return current;
        }
        return new Tally(next.pollId(), next.title(), next.options(), next.totalVotes(), base.version() + 1,
                later(base.asOf(), at), next.closed());
    }

    /** asOf never goes backwards, even when a row's timestamp is older than the last change. */
    private static Instant later(Instant a, Instant b) {
        return a == null || b.isAfter(a) ? b : a;
    }
}
