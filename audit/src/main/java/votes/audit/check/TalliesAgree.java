package votes.audit.check;

import static votes.audit.check.Check.count;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Item 8: per (poll, option), the log's recorded votes = the streamed {@code votes} rows, the log's count after its voids
 * = those rows not voided, and the ledger's unvoided rows = the sum of its tally deltas (a void's negative ones too).
 */
public final class TalliesAgree implements AuditCheck {

    public static final int NUMBER = 8;
    public static final String TITLE =
            "tallies = ledger: the log's count = votes rows = tally_deltas sums (voided votes subtracted)";

    /** Separates poll and option in one key: neither may hold a NUL (PostgreSQL text cannot). */
    private static final char SEPARATOR = '\u0000';

    @Override
    public Check verdict(Evidence evidence) {
        Tracker t = new Tracker(NUMBER, TITLE);
        Map<String, Map<String, Long>> replayed = evidence.replay().tallies();
        Map<String, Map<String, Long>> counted = evidence.replay().counted();
        Map<String, Map<String, Long>> rows = evidence.rows().tallies();
        Map<String, Map<String, Long>> countedRows = evidence.rows().counted();
        Map<String, Map<String, Long>> voteCounts = evidence.ledger().voteCounts();
        Map<String, Map<String, Long>> deltaSums = evidence.ledger().deltaSums();
        Set<String> keys = new TreeSet<>();
        for (Map<String, Map<String, Long>> tallies : List.of(replayed, rows, voteCounts, deltaSums)) {
            collectKeys(keys, tallies);
        }
        long votes = 0;
        long voided = 0;
        for (String key : keys) {
            String poll = key.substring(0, key.indexOf(SEPARATOR));
            String option = key.substring(key.indexOf(SEPARATOR) + 1);
            if (!evidence.scope().audited(poll)) {
                continue;
            }
            long fromLog = get(replayed, poll, option);
            long fromRows = get(rows, poll, option);
            long countedLog = get(counted, poll, option);
            long countedRow = get(countedRows, poll, option);
            long unvoided = get(voteCounts, poll, option);
            long deltas = get(deltaSums, poll, option);
            votes += fromLog;
            voided += fromLog - countedLog;
            String where = "poll " + poll + " option " + option + ": ";
            if (fromLog != fromRows) {
                t.fail(where + "the log records " + fromLog + ", the votes rows " + fromRows);
            } else if (countedLog != countedRow) {
                t.fail(where + "after its voids the log counts " + countedLog + ", the votes rows not voided "
                        + countedRow);
            } else if (unvoided != deltas) {
                t.fail(where + "votes has " + unvoided + " rows not voided, tally_deltas sum " + deltas);
            } else {
                t.pass();
            }
        }
        return t.result(count(t.checked()) + " (poll, option) tallies, " + count(votes) + " votes"
                + (voided == 0 ? "" : ", " + count(voided) + " voided"));
    }

    private static void collectKeys(Set<String> keys, Map<String, Map<String, Long>> tallies) {
        tallies.forEach((poll, options) -> options.keySet().forEach(option -> keys.add(poll + SEPARATOR + option)));
    }

    private static long get(Map<String, Map<String, Long>> tallies, String poll, String option) {
        Map<String, Long> options = tallies.get(poll);
        return options == null ? 0 : options.getOrDefault(option, 0L);
    }
}
