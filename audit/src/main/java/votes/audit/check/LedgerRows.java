package votes.audit.check;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** What the streamed ledger rows showed, besides the items' own verdicts: several items read these counts. */
public final class LedgerRows {

    private final Map<String, Map<String, Long>> tallies = new HashMap<>();
    private final Map<String, Map<String, Long>> counted = new HashMap<>();
    private final Set<String> pollsPastEnd = new TreeSet<>();
    private long votes;
    private long rejections;
    private long beyondReplay;

    /** @param counts false when the row is voided (by a void the replay judges) */
    void vote(String pollId, String optionId, boolean counts) {
        votes++;
        tallies.computeIfAbsent(pollId, k -> new HashMap<>()).merge(optionId, 1L, Long::sum);
        counted.computeIfAbsent(pollId, k -> new HashMap<>()).merge(optionId, counts ? 1L : 0L, Long::sum);
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

    /** A void appended after the replay took poll-events' end offsets: its poll's published tally runs ahead. */
    void voidedPastEnd(String poll) {
        pollsPastEnd.add(poll);
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

    /** poll → option → audited {@code votes} rows that count (not voided). */
    public Map<String, Map<String, Long>> counted() {
        return counted;
    }

    /**
     * Polls with a {@code votes} row or a void past the replay's end offsets: live, their published tallies run ahead.
     */
    public Set<String> pollsPastEnd() {
        return pollsPastEnd;
    }
}
