package votes.audit.check;

import static votes.audit.check.Check.count;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Item 9: what vote-tallies publishes is what the log counts (recorded minus voided). Polls with votes or voids past
 * the replay's end offsets are live: their published tallies count votes the replay did not judge, so they are left out (and noted).
 */
public final class PublishedTalliesAgree implements AuditCheck {

    public static final int NUMBER = 9;
    public static final String TITLE = "published tallies (vote-tallies) = the log's count";

    @Override
    public Check verdict(Evidence evidence) {
        Map<String, Map<String, Long>> published = evidence.published();
        if (published == null) {
            return Check.skip(NUMBER, TITLE, "topic vote-tallies does not exist (projections never ran)");
        }
        Tracker t = new Tracker(NUMBER, TITLE);
        Map<String, Map<String, Long>> replayed = evidence.replay().counted();
        Set<String> polls = new TreeSet<>();
        replayed.keySet().stream().filter(evidence.scope()::audited).forEach(polls::add);
        published.keySet().stream().filter(evidence.scope()::audited).forEach(polls::add);
        Set<String> notCompared = new TreeSet<>();
        for (String poll : polls) {
            if (evidence.rows().pollsPastEnd().contains(poll) || evidence.live().contains(poll)) {
                notCompared.add(poll);
                continue;
            }
            Map<String, Long> log = nonZero(replayed.get(poll));
            Map<String, Long> shown = published.get(poll);
            if (shown == null) {
                t.fail("poll " + poll + ": the log counts " + log + ", vote-tallies has no tally for it");
            } else if (!log.equals(nonZero(shown))) {
                t.fail("poll " + poll + ": the log counts " + log + ", vote-tallies shows " + nonZero(shown));
            } else {
                t.pass();
            }
        }
        if (!notCompared.isEmpty()) {
            evidence.note("published tallies not compared for " + notCompared.size() + " live poll(s) " + notCompared
                    + ": votes recorded (or voided) past the replay's end offsets, which the replay did not judge");
        }
        return t.result(count(t.checked()) + " polls" + (notCompared.isEmpty() ? ""
                : ", " + count(notCompared.size()) + " live not compared"));
    }

    private static Map<String, Long> nonZero(Map<String, Long> tally) {
        Map<String, Long> shown = new TreeMap<>();
        if (tally != null) {
            tally.forEach((option, votes) -> {
                if (votes != 0) {
                    shown.put(option, votes);
                }
            });
        }
        return shown;
    }
}
