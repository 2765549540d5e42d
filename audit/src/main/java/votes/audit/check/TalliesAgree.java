package votes.audit.check;

import static votes.audit.check.Check.count;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Item 8: per (poll, option), the log's count = the streamed {@code votes} rows = the ledger's counts = the deltas. */
public final class TalliesAgree implements AuditCheck {

    public static final int NUMBER = 8;
    public static final String TITLE = "tallies = ledger: the log's count = votes rows = tally_deltas sums";

    /** Separates poll and option in one key: neither may hold a NUL (PostgreSQL text cannot). */
    private static final char SEPARATOR = '\u0000';

    @Override
    public Check verdict(Evidence evidence) {
        Tracker t = new Tracker(NUMBER, TITLE);
        Map<String, Map<String, Long>> replayed = evidence.replay().tallies();
        Map<String, Map<String, Long>> rows = evidence.rows().tallies();
        Map<String, Map<String, Long>> voteCounts = evidence.ledger().voteCounts();
        Map<String, Map<String, Long>> deltaSums = evidence.ledger().deltaSums();
        Set<String> keys = new TreeSet<>();
        collectKeys(keys, replayed);
        collectKeys(keys, rows);
        collectKeys(keys, voteCounts);
        collectKeys(keys, deltaSums);
        long votes = 0;
        for (String key : keys) {
            String poll = key.substring(0, key.indexOf(SEPARATOR));
            String option = key.substring(key.indexOf(SEPARATOR) + 1);
            if (!evidence.scope().audited(poll)) {
                continue;
            }
            long fromLog = get(replayed, poll, option);
            long fromRows = get(rows, poll, option);
            long counted = get(voteCounts, poll, option);
            long deltas = get(deltaSums, poll, option);
            votes += fromLog;
            if (fromLog != fromRows) {
                t.fail("poll " + poll + " option " + option + ": the log counts " + fromLog + ", the votes rows "
                        + fromRows);
            } else if (counted != deltas) {
                t.fail("poll " + poll + " option " + option + ": votes has " + counted + " rows, tally_deltas sum "
                        + deltas);
            } else {
                t.pass();
            }
        }
        return t.result(count(t.checked()) + " (poll, option) tallies, " + count(votes) + " votes");
    }

    private static void collectKeys(Set<String> keys, Map<String, Map<String, Long>> tallies) {
        tallies.forEach((poll, options) -> options.keySet().forEach(option -> keys.add(poll + SEPARATOR + option)));
    }

    private static long get(Map<String, Map<String, Long>> tallies, String poll, String option) {
        Map<String, Long> options = tallies.get(poll);
        return options == null ? 0 : options.getOrDefault(option, 0L);
    }
}
