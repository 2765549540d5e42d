package votes.audit.check;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** What the streamed ledger rows showed, besides the items' own verdicts: several items read these counts. */
public final class LedgerRows {

    private final Map<String, Map<String, Long>> tallies = new HashMap<>();
    private final Set<String> pollsPastEnd = new TreeSet<>();
    private long votes;
    private long rejections;
    private long beyondReplay;

    void vote(String pollId, String optionId) {
        votes++;
        tallies.computeIfAbsent(pollId, k -> new HashMap<>()).merge(optionId, 1L, Long::sum);
    }

    void rejection() {
        rejections++;
    }

    /** A row written after the replay's end offsets were taken: not ours to judge. */
    void beyondReplay(String votedPoll) {
        beyondReplay++;
        if (votedPoll != null) {
            pollsPastEnd.add(votedPoll);
        }
    }

    /** Audited {@code votes} rows below the end offsets. */
    public long votes() {
        return votes;
    }

    /** Audited {@code rejections} rows below the end offsets. */
    public long rejections() {
        return rejections;
    }

    public long beyondReplay() {
        return beyondReplay;
    }

    /** poll → option → audited {@code votes} rows. */
    public Map<String, Map<String, Long>> tallies() {
        return tallies;
    }

    /** Polls with a {@code votes} row past the replay's end offsets: live, their published tallies run ahead. */
    public Set<String> pollsPastEnd() {
        return pollsPastEnd;
    }
}
